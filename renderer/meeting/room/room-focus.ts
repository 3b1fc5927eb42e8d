/**
 * Where focus goes in the room: a section's marked first control ([data-focus-first]), else its
 * first control, else its heading. Used by the section keys and after a change that removes the
 * focused control (opening a proposal replaces its form by the vote list).
 */
import { tabbables } from '../../common/focus-trap';
import type { RoomSection } from './use-room-keys';

export function focusSection(section: RoomSection): void {
  const container = document.querySelector<HTMLElement>(`[data-room-section="${section}"]`);
  if (!container) return;
  const target = container.querySelector<HTMLElement>('[data-focus-first="true"]') ?? tabbables(container)[0] ?? container.querySelector<HTMLElement>('h2');
  target?.focus();
}
