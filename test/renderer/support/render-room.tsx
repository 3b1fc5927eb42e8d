/** The meeting room of the test meeting (room-meeting.ts) on `db`, with the shell's announcer, shown once its case is read. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { ApiBridge } from '../../../shared/api';
import { Announcer } from '../../../renderer/common/Announcer';
import { createCouncilApi } from '../../../renderer/common/council-api';
import { i18n } from '../../../renderer/common/i18n';
import { ServicesProvider } from '../../../renderer/common/services';
import { useUiStore } from '../../../renderer/common/ui-store';
import type { CouncilDb } from '../../../renderer/db/schema';
import { MeetingRoom } from '../../../renderer/meeting/room';
import { MEETING_ID } from './room-meeting';

export async function renderRoom(db: CouncilDb, bridge: () => ApiBridge | undefined = () => undefined, timeout = 20_000) {
  useUiStore.getState().openMeeting(MEETING_ID, 'room');
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={{ db, api: createCouncilApi(bridge) }}>
        <MeetingRoom />
        <Announcer />
      </ServicesProvider>
    </I18nextProvider>,
  );
  await screen.findByTestId('room-case-name', {}, { timeout });
  return { user };
}
