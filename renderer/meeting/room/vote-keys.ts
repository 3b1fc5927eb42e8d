/**
 * One key per member's vote. Matched on the physical key (KeyboardEvent.code), so the keys work
 * with the Korean input method on too (there "A" types ㅁ); the character is the fallback.
 */
import type { VoteChoice } from '../../../shared/meeting/types';

const BY_CODE: Record<string, VoteChoice> = {
  KeyA: 'approve',
  KeyY: 'approve',
  KeyR: 'reject',
  KeyN: 'reject',
  KeyS: 'abstain',
  KeyB: 'abstain',
};

const BY_KEY: Record<string, VoteChoice> = { a: 'approve', y: 'approve', r: 'reject', n: 'reject', s: 'abstain', b: 'abstain' };

export function voteForKey(event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): VoteChoice | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return BY_CODE[event.code] ?? BY_KEY[event.key.toLowerCase()] ?? null;
}

export const VOTE_KEYSHORTCUTS = 'A Y R N S B';
