/**
 * An auditor's reading of an exported audit log (FORMATS.md, "Audit log export"), with nothing
 * but the file and the counting rules: the hash chain checked without the app's own checker (RFC
 * 8785 by the `canonicalize` package, SHA-256 by node:crypto), and every closed vote recounted
 * from the entries before it: attendance at the moment it closed, the recusals, each member's
 * last vote, the meeting's rules as its creation recorded them.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { countVote, presentAt, tallyOf } from '../../shared/meeting/counting';
import type { CountingRules } from '../../shared/meeting/rules';
import type { AttendanceEntry, CountedMember, Tally, VoteChoice } from '../../shared/meeting/types';
import type { AuditEntry } from '../../shared/schemas/audit-entry';

/** An exported line: an audit entry, its detail read as the recount needs it. */
export interface ExportedEntry extends Omit<AuditEntry, 'detail'> {
  detail: Record<string, any>;
}

/** The entries of an export, and the first place its chain breaks (null: intact). */
export function checkAuditFile(text: string): { entries: ExportedEntry[]; broken: string | null } {
  const entries = text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ExportedEntry);
  let previous: string | null = null;
  for (const [i, entry] of entries.entries()) {
    const { sequence, hash, ...hashed } = entry;
    if (sequence !== i + 1) return { entries, broken: `line ${i + 1}: sequence ${sequence}` };
    if (entry.prevHash !== previous) return { entries, broken: `entry ${sequence}: prevHash is not the previous entry's hash` };
    const recomputed = createHash('sha256').update(canonicalize(hashed)!).digest('hex');
    if (recomputed !== hash) return { entries, broken: `entry ${sequence}: hash ${hash}, recomputed ${recomputed}` };
    previous = hash;
  }
  return { entries, broken: null };
}

export interface Recount {
  proposal: string;
  recorded: Tally;
  recounted: Tally;
}

/** Each closed vote's tally as recorded, and as recounted from the entries before it. */
export function recountClosedVotes(entries: readonly ExportedEntry[], roster: readonly CountedMember[]): Recount[] {
  const rules = new Map<string, CountingRules>();
  const attendance = new Map<string, Map<string, AttendanceEntry>>();
  const recused = new Map<string, Set<string>>();
  const votes = new Map<string, Map<string, VoteChoice>>();
  const recounts: Recount[] = [];
  for (const { entity, action, entityId, detail, at } of entries) {
    if (entity === 'meeting' && action === 'create') rules.set(entityId, detail.rules);
    else if (entity === 'attendance') {
      const meeting = attendance.get(detail.meetingId) ?? new Map<string, AttendanceEntry>();
      meeting.set(detail.memberId, detail.after);
      attendance.set(detail.meetingId, meeting);
    } else if (entity === 'recusal') {
      const key = `${detail.meetingId}/${detail.caseId}`;
      const set = recused.get(key) ?? new Set<string>();
      if (detail.status === 'recused') set.add(detail.memberId);
      else set.delete(detail.memberId);
      recused.set(key, set);
    } else if (entity === 'vote') {
      const key = `${detail.meetingId}/${detail.caseId}/${detail.proposalNo}`;
      const cast = votes.get(key) ?? new Map<string, VoteChoice>();
      cast.set(detail.memberId, detail.vote);
      votes.set(key, cast);
    } else if (entity === 'proposal' && action === 'close') {
      const key = `${detail.meetingId}/${detail.caseId}/${detail.no}`;
      const count = countVote({
        rules: rules.get(detail.meetingId)!,
        roster,
        present: presentAt([...(attendance.get(detail.meetingId)?.values() ?? [])], at),
        recused: recused.get(`${detail.meetingId}/${detail.caseId}`) ?? new Set(),
        votes: [...(votes.get(key) ?? new Map<string, VoteChoice>())].map(([memberId, vote]) => ({ memberId, vote })),
      });
      recounts.push({ proposal: key, recorded: detail.tally, recounted: tallyOf(count) });
    }
  }
  return recounts;
}
