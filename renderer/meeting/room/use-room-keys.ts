/**
 * The room's own keys, on the whole screen: [ / PageUp and ] / PageDown for the previous and next
 * case of the agenda, E for the evidence, M, P, V, D to go to attendance, the proposal, the
 * votes and the decision, W for the projector view, G for the bulk vote and ? for the keys' help. Ignored while the user types in a field or holds a modifier; the vote
 * list's own keys (../vote-keys.ts) are taken before they reach here.
 */
import { useEffect, useRef } from 'react';

export type RoomSection = 'attendance' | 'proposal' | 'votes' | 'decision';

export interface RoomKeys {
  previous(): void;
  next(): void;
  evidence(): void;
  focus(section: RoomSection): void;
  projector(): void;
  bulk(): void;
  help(): void;
}

const SECTION_BY_CODE: Record<string, RoomSection> = { KeyM: 'attendance', KeyP: 'proposal', KeyV: 'votes', KeyD: 'decision' };
const SECTION_BY_KEY: Record<string, RoomSection> = { m: 'attendance', p: 'proposal', v: 'votes', d: 'decision' };

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  // A dialog (the keys' help, the bulk vote) has keys of its own.
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.closest?.('[role="dialog"]') != null);
}

export function roomKeyAction(event: KeyboardEvent, keys: RoomKeys): (() => void) | null {
  if (event.defaultPrevented || typing(event.target) || event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'PageUp' || event.key === '[' || event.code === 'BracketLeft') return keys.previous;
  if (event.key === 'PageDown' || event.key === ']' || event.code === 'BracketRight') return keys.next;
  if (event.key === '?') return keys.help;
  if (event.code === 'KeyE' || event.key.toLowerCase() === 'e') return keys.evidence;
  if (event.code === 'KeyW' || event.key.toLowerCase() === 'w') return keys.projector;
  if (event.code === 'KeyG' || event.key.toLowerCase() === 'g') return keys.bulk;
  const section = SECTION_BY_CODE[event.code] ?? SECTION_BY_KEY[event.key.toLowerCase()];
  return section ? () => keys.focus(section) : null;
}

export function useRoomKeys(keys: RoomKeys): void {
  const current = useRef(keys);
  current.current = keys;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const action = roomKeyAction(event, current.current);
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
