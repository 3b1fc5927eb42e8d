/**
 * The vote keys, one map for the room's vote list and the bulk vote dialog: A or Y approve, R or N
 * reject, S or B abstain. Matched on the physical key (KeyboardEvent.code), so they work with the
 * Korean input method on (there A types ㅁ); the typed character is the fallback, the jamo the
 * Korean (2-set) layout types on those keys included. The key help and the hints show the keys
 * from this map (voteKeyWords), so what is said and what works cannot drift apart.
 */
import { LOCALES, type Language } from '../../shared/i18n';
import { VOTE_CHOICES, type VoteChoice } from '../../shared/meeting/types';

/** The keys of each vote, the first the one shown beside a single choice. */
export const VOTE_KEYS: Readonly<Record<VoteChoice, readonly string[]>> = { approve: ['A', 'Y'], reject: ['R', 'N'], abstain: ['S', 'B'] };

/** What each key types in the Korean 2-set layout (두벌식). */
const HANGUL: Readonly<Record<string, string>> = { A: 'ㅁ', Y: 'ㅛ', R: 'ㄱ', N: 'ㅜ', S: 'ㄴ', B: 'ㅠ' };

const BY_CODE = new Map<string, VoteChoice>();
const BY_KEY = new Map<string, VoteChoice>();
for (const choice of VOTE_CHOICES) {
  for (const letter of VOTE_KEYS[choice]) {
    BY_CODE.set(`Key${letter}`, choice);
    BY_KEY.set(letter.toLowerCase(), choice);
    BY_KEY.set(HANGUL[letter]!, choice);
  }
}

export function voteForKey(event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): VoteChoice | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return BY_CODE.get(event.code) ?? BY_KEY.get(event.key.toLowerCase()) ?? null;
}

/** aria-keyshortcuts of one choice ("A Y"), or of all three. */
export function voteKeyShortcuts(choice?: VoteChoice): string {
  return (choice ? VOTE_KEYS[choice] : VOTE_CHOICES.flatMap((c) => VOTE_KEYS[c])).join(' ');
}

/** Each vote's keys in words, "A 또는 Y" / "A or Y": the params of the hints that name them. */
export function voteKeyWords(language: Language): Record<VoteChoice, string> {
  const list = new Intl.ListFormat(LOCALES[language], { type: 'disjunction' });
  return { approve: list.format(VOTE_KEYS.approve), reject: list.format(VOTE_KEYS.reject), abstain: list.format(VOTE_KEYS.abstain) };
}
