/**
 * The meeting room: a stand-in so this branch builds; the room itself (attendance, recusals,
 * proposals, votes) replaces this file.
 */
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../common/ScreenFrame';
import { useUiStore } from '../../common/ui-store';

export function MeetingRoom() {
  const { t } = useTranslation();
  const meetingId = useUiStore((s) => s.meetingId) ?? '';
  const back = createElement('button', { type: 'button', className: 'button button--quiet', onClick: () => useUiStore.getState().openMeeting(meetingId, 'setup') }, t('meeting.backToSetup'));
  return createElement(ScreenFrame, { screen: 'meeting-room', title: t('meeting.roomTitle', { meetingId }), intro: t('meeting.roomIntro'), children: back });
}
