/**
 * Declared conflicts of interest (shared/council.ts) matched against a case: which voting members
 * should be suggested a recusal on it, and why. A suggestion is not a recusal: the operator
 * confirms or dismisses it (with a reason) in the meeting.
 */
import type { ConflictKind, Member } from '../council';
import { votingMembers } from './counting';

/** What a conflict can match in a case. registrationNo: 10 digits, without hyphens. */
export interface ConflictFacts {
  bundleId: string;
  registrationNo: string;
  businessName: string;
  region: string;
}

export interface SuggestedRecusal {
  memberId: string;
  conflictId: string;
  kind: ConflictKind;
  /** The member's declared reason. */
  reason: string;
}

/**
 * Text compared as people read it: Unicode NFKC (a Hangul name typed as decomposed jamo (NFD) and
 * the same name precomposed are one name, and so are full-width and plain Latin letters), upper and
 * lower case alike, spaces ignored ("연남 꽃집" is "연남꽃집").
 */
function folded(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * The form of a declared value that matching compares: digits for a registration number, folded
 * text for a business name or a region, the trimmed id for a bundle. Two conflicts of one kind with
 * the same key match the same cases (the roster refuses declaring one twice).
 */
export function conflictKey(kind: ConflictKind, value: string): string {
  switch (kind) {
    case 'registrationNo':
      return digits(value);
    case 'businessName':
    case 'region':
      return folded(value);
    case 'bundle':
      return value.trim();
  }
}

export function conflictMatches(kind: ConflictKind, value: string, facts: ConflictFacts): boolean {
  const key = conflictKey(kind, value);
  switch (kind) {
    case 'registrationNo':
      return key.length === 10 && key === digits(facts.registrationNo);
    case 'businessName':
      return key !== '' && folded(facts.businessName).includes(key);
    case 'region':
      return key !== '' && folded(facts.region).includes(key);
    case 'bundle':
      return key !== '' && key === facts.bundleId.trim();
  }
}

/** Every voting member's declared conflicts that match the case, in roster order. */
export function suggestedRecusals(facts: ConflictFacts, roster: readonly Member[]): SuggestedRecusal[] {
  const voting = new Set(votingMembers(roster).map((m) => m.memberId));
  const found: SuggestedRecusal[] = [];
  for (const member of roster) {
    if (!voting.has(member.memberId)) continue;
    for (const c of member.conflicts) {
      if (conflictMatches(c.kind, c.value, facts)) found.push({ memberId: member.memberId, conflictId: c.conflictId, kind: c.kind, reason: c.reason });
    }
  }
  return found;
}
