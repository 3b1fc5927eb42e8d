/**
 * What the Minutes screen sends main to make a meeting's minutes (shared/api.ts, exportMinutes):
 * the agenda with each case's suggestion and its reasons (the engine run again on the stored
 * record, as the case review does), each case's particulars for the payment list, and who signs.
 * The decisions themselves are not sent: main takes them from the decision files it signed.
 */
import type { MinutesExportRequest } from '../../shared/api';
import { assessCase } from '../../shared/assessment';
import type { CouncilDb } from '../db/schema';

export class MinutesRequestError extends Error {}

export async function readMinutesRequest(db: CouncilDb, meetingId: string): Promise<MinutesExportRequest> {
  return db.transaction('r', [db.meetings, db.decisions, db.cases, db.bundles, db.members], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new MinutesRequestError(`The meeting ${meetingId} is not in the database.`);
    const decided = (await db.decisions.where('meetingId').equals(meetingId).toArray()).map((d) => d.caseId);
    const caseIds = [...new Set([...meeting.agenda, ...decided])];
    const rows = await db.cases.bulkGet(caseIds);
    const bundleIds = [...new Set(rows.flatMap((r) => (r ? [r.bundleId] : [])))];
    const bundles = new Map((await db.bundles.bulkGet(bundleIds)).flatMap((b) => (b ? [[b.bundleId, b] as const] : [])));
    const members = await db.members.toArray();
    const chair = members.find((m) => m.role === 'chair' && m.active);
    const secretary = members.find((m) => m.role === 'secretary' && m.active);
    if (!chair || !secretary) throw new MinutesRequestError('The roster names no active chair or secretary: the minutes are signed off by both.');

    const agenda: MinutesExportRequest['agenda'][number][] = [];
    const cases: MinutesExportRequest['cases'] = {};
    const request: MinutesExportRequest = {
      meetingId,
      meeting: { startedAt: meeting.openedAt, closedAt: meeting.closedAt },
      agenda,
      cases,
      signers: { chairName: chair.name, secretaryName: secretary.name },
      secretary: { memberId: secretary.memberId, name: secretary.name },
    };
    const onAgenda = new Set(meeting.agenda);
    for (const [i, caseId] of caseIds.entries()) {
      const row = rows[i];
      if (!row) throw new MinutesRequestError(`The case ${caseId} of meeting ${meetingId} is not in the database.`);
      const bundle = bundles.get(row.bundleId);
      if (!bundle) throw new MinutesRequestError(`The bundle ${row.bundleId} of case ${caseId} is not in the database.`);
      const { representative, registrationNo } = row.record.business;
      cases[caseId] = { businessName: row.businessName, registrationNo, representative, bankAccountFingerprint: row.bankAccountFingerprint, bundleId: row.bundleId };
      if (!onAgenda.has(caseId)) continue;
      const a = assessCase(row.record, bundle.manifest.incident, bundle.manifest.policy);
      agenda.push({
        caseId,
        suggestion: { tier: a.tier === null ? null : a.tier.id, award: a.award, claimedLoss: row.claimedLoss, assessedLoss: a.assessedLoss, flags: [...row.flags], reasons: a.reasons },
      });
    }
    return request;
  });
}
