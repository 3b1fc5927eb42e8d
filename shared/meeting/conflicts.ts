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

/** Compared as people read them: Unicode NFC, upper/lower case and spaces ignored. */
function folded(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

export function conflictMatches(kind: ConflictKind, value: string, facts: ConflictFacts): boolean {
  switch (kind) {
    case 'registrationNo':
      return digits(value).length === 10 && digits(value) === digits(facts.registrationNo);
    case 'businessName':
      return folded(value) !== '' && folded(facts.businessName).includes(folded(value));
    case 'region':
      return folded(value) !== '' && folded(facts.region).includes(folded(value));
    case 'bundle':
      return value.trim() !== '' && value.trim() === facts.bundleId;
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
