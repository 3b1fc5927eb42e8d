/**
 * The Meeting screen: the list of meetings; or one meeting, in its setup (details, rules,
 * agenda) or in its room (where it is run), as the ui-store says.
 */
import { useUiStore } from '../common/ui-store';
import { MeetingList } from './MeetingList';
import { MeetingSetup } from './MeetingSetup';
import { MeetingRoom } from './room';
import './meeting.css';

export function MeetingScreen() {
  const meetingId = useUiStore((s) => s.meetingId);
  const view = useUiStore((s) => s.meetingView);
  if (meetingId === null) return <MeetingList />;
  // keyed by meeting: another meeting is a fresh screen (its heading takes the focus)
  return view === 'room' ? <MeetingRoom key={`room-${meetingId}`} /> : <MeetingSetup key={`setup-${meetingId}`} meetingId={meetingId} />;
}
