/**
 * Opens the projector view of a meeting: in Electron the main process puts it in a second window
 * on the second display; where there is none (browser mode) this page opens the projector route
 * in a window of its own, named so a second call reuses it.
 */
import { PROJECTOR_HASH_PREFIX } from '../../../shared/api';
import type { CouncilApi } from '../../common/council-api';

export function projectorUrl(meetingId: string, base: string = window.location.href): string {
  const url = new URL(base);
  url.hash = `${PROJECTOR_HASH_PREFIX.slice(1)}${encodeURIComponent(meetingId)}`;
  return url.toString();
}

/** The meeting id of a projector route ("#projector=2023-03-02"); null for any other page. */
export function projectorMeetingId(hash: string): string | null {
  if (!hash.startsWith(PROJECTOR_HASH_PREFIX)) return null;
  const id = decodeURIComponent(hash.slice(PROJECTOR_HASH_PREFIX.length));
  return id === '' ? null : id;
}

export async function openProjector(api: Pick<CouncilApi, 'openProjector'>, meetingId: string): Promise<void> {
  const { opened } = await api.openProjector({ meetingId });
  if (!opened) window.open(projectorUrl(meetingId), 'council-desk-projector');
}
