/**
 * The room's own keys, on the whole screen: [ / PageUp and ] / PageDown for the previous and next
 * case of the agenda, E for the evidence, and M, P, V, D to go to attendance, the proposal, the
 * votes and the decision. Ignored while the user types in a field or holds a modifier; the vote
 * list's own keys (vote-keys.ts) are taken before they reach here.
 */
import { useEffect, useRef } from 'react';

export type RoomSection = 'attendance' | 'proposal' | 'votes' | 'decision';

export interface RoomKeys {
  previous(): void;
  next(): void;
  evidence(): void;
  focus(section: RoomSection): void;
}

const SECTION_BY_CODE: Record<string, RoomSection> = { KeyM: 'attendance', KeyP: 'proposal', KeyV: 'votes', KeyD: 'decision' };
const SECTION_BY_KEY: Record<string, RoomSection> = { m: 'attendance', p: 'proposal', v: 'votes', d: 'decision' };

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

export function roomKeyAction(event: KeyboardEvent, keys: RoomKeys): (() => void) | null {
  if (event.defaultPrevented || typing(event.target) || event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'PageUp' || event.key === '[' || event.code === 'BracketLeft') return keys.previous;
  if (event.key === 'PageDown' || event.key === ']' || event.code === 'BracketRight') return keys.next;
  if (event.code === 'KeyE' || event.key.toLowerCase() === 'e') return keys.evidence;
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
