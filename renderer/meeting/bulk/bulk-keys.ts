/**
 * One key per vote in the bulk vote dialog, as in the room: A approve, R reject, S abstain.
 * Matched on the physical key (KeyboardEvent.code), so the keys work with the Korean input method
 * on (there A types ㅁ, R ㄱ, S ㄴ); the character is the fallback.
 */
import type { VoteChoice } from '../../../shared/meeting/types';

const BY_CODE: Record<string, VoteChoice> = { KeyA: 'approve', KeyR: 'reject', KeyS: 'abstain' };
const BY_KEY: Record<string, VoteChoice> = { a: 'approve', r: 'reject', s: 'abstain', ㅁ: 'approve', ㄱ: 'reject', ㄴ: 'abstain' };

/** The key shown next to each choice. */
export const VOTE_KEYS: Record<VoteChoice, string> = { approve: 'A', reject: 'R', abstain: 'S' };

export function bulkVoteForKey(event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): VoteChoice | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return BY_CODE[event.code] ?? BY_KEY[event.key.toLowerCase()] ?? null;
}
