/**
 * What the end-to-end meeting left behind, checked as the payment side and an auditor would: the
 * audit log's entries recount every closed vote, name each decision and recusal, and match the
 * signed decision files (verified here and with openssl) and the minutes' attestation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DEMO_MEMBERS } from '../../shared/council';
import { recountClosedVotes, type ExportedEntry } from './audit-file';
import { checkDecisionFiles, verifyMinutes } from './decision-files-check';

export function expectMeetingRecord(entries: readonly ExportedEntry[], { sync: SYNC, single: SINGLE, bulkCases }: { sync: string; single: readonly string[]; bulkCases: number }): void {
  // every write named the operator: the demo council's secretary
  expect(entries.filter((e) => ['attendance', 'recusal', 'proposal', 'vote', 'decision'].includes(e.entity)).every((e) => e.actor === 's1')).toBe(true);
  const recounts = recountClosedVotes(entries, DEMO_MEMBERS);
  // five cases one by one (one with two proposals), and the bulk vote's
  expect(recounts.length).toBe(SINGLE.length + 1 + bulkCases);
  for (const r of recounts) expect(r.recounted, r.proposal).toEqual(r.recorded);
  expect(recounts.filter((r) => !r.recorded.passed).map((r) => r.proposal)).toEqual(['2023-03-02/1015-000010/1']);
  const decisions = entries.filter((e) => e.entity === 'decision' && e.action === 'record');
  expect(decisions.length).toBe(SINGLE.length + bulkCases);
  const outcomes = new Map(decisions.map((d) => [d.detail.caseId as string, d.detail.outcome as string]));
  expect(SINGLE.map((id) => outcomes.get(id))).toEqual(['award', 'award', 'reject', 'award', 'defer']);
  expect(entries.some((e) => e.entity === 'recusal' && e.detail.memberId === 'm3' && e.detail.caseId === '1015-000011' && e.detail.conflictId === 'm3-c1')).toBe(true);

  // the payment side's check: verify and openssl on each file; every auditHead names an entry of the export written after it
  const heads = new Set(entries.map((e) => e.hash));
  for (const checked of checkDecisionFiles(SYNC)) {
    expect(checked.errors, checked.file).toEqual([]);
    expect(checked.valid).toBe(true);
    expect(checked.openssl).toBe('Signature Verified Successfully');
    expect(checked.payload.signer.role).toBe('chair');
    expect(heads.has(checked.payload.auditHead), checked.payload.auditHead).toBe(true);
  }
  expect(entries.some((e) => e.entity === 'export' && e.entityId === 'decisions-2023-03-02-0001.dsse.json')).toBe(true);
  // the minutes' making is in the log, naming each file's SHA-256 as the attestation lists it
  const made = entries.filter((e) => e.entity === 'minutes');
  expect(made.map((e) => [e.entityId, e.action])).toEqual([['minutes-2023-03-02.dsse.json', 'export']]);
  const envelope = JSON.parse(readFileSync(path.join(SYNC, 'minutes', 'minutes-2023-03-02.dsse.json'), 'utf8')) as { payload: string };
  const listed = (JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { files: Record<string, string> }).files;
  expect(made[0]!.detail.files).toEqual(listed);
  // the minutes attestation verifies with the secretary's key, each listed file beside it
  expect(verifyMinutes(path.join(SYNC, 'minutes', 'minutes-2023-03-02.dsse.json'), path.join(SYNC, 'trust.json'))).toMatchObject({ valid: true, errors: [] });

}
