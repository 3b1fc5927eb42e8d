/**
 * The meeting room (ui-store meetingView 'room', for ui-store's meetingId): the secretary and the
 * chair run an open meeting from the keyboard. The evidence (E) shows the case review in the
 * room's place; leaving it (Escape, "back") comes back to the room on the same case.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/ErrorNotice';
import { useServices } from '../../common/services';
import { useUiStore } from '../../common/ui-store';
import { CaseReviewScreen } from '../../review';
import { RoomBody } from './RoomBody';
import { useRoomStore } from './room-store';
import { useRoomData } from './use-room-data';
import './room.css';

function RoomView({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const remembered = useRoomStore((s) => s.caseByMeeting[meetingId]);
  const { data, reload, showVotes } = useRoomData(db, meetingId, remembered);
  if (data.state === 'loading') {
    return (
      <section className="screen" data-screen="meeting-room" aria-busy="true">
        <p role="status">{t('room.loading')}</p>
      </section>
    );
  }
  if (data.state === 'failed') {
    return (
      <section className="screen" data-screen="meeting-room">
        <ErrorNotice title={t('room.loadFailed')} error={data.error} />
      </section>
    );
  }
  return <RoomBody data={data.meeting} caseId={data.caseId} room={data.room} reload={reload} showVotes={showVotes} />;
}

export function MeetingRoom() {
  const meetingId = useUiStore((s) => s.meetingId);
  const reviewing = useUiStore((s) => s.reviewCaseId !== null);
  if (meetingId === null) return null;
  return reviewing ? <CaseReviewScreen from="meeting" /> : <RoomView meetingId={meetingId} />;
}
