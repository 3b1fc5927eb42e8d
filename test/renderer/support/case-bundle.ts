/**
 * Bundles made to measure for assessment and duplicate tests: each case as given (registration
 * number as written, bank fingerprint, claim, daily sales, evidence files), one data chunk per
 * case with its evidence whole, then 'done'; a helper that imports one through importBundle; and
 * the check that summary rows are in step with the case rows.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { dayNumber, isoFromDayNumber } from '../../../shared/assessment';
import type { ImportChunk } from '../../../shared/bundle-import';
import { kakao1015IncidentAndPolicy } from '../../../shared/kakao-1015';
import { registrationCheckDigit } from '../../../shared/registration-number';
import type { CaseRecord, DailySale } from '../../../shared/schemas/case-record';
import { caseSummaryOf } from '../../../renderer/db/case-summary';
import type { CouncilDb } from '../../../renderer/db/schema';
import { importBundle, type ImportOptions } from '../../../renderer/bundles/import/import-bundle';
import type { ImportOutcome } from '../../../renderer/bundles/import/import-outcome';
import { validReport, type BundleFixture, type FixtureFile } from './bundle-fixture';
import { scriptedImportApi } from './demo-seed';
import { ISSUER_NAME, TRUSTED_KEYID } from './demo-council';
import { scriptFromFixture } from './scripted-import';

export interface EvidenceSpec {
  name: string;
  kind: string;
  bytes: Uint8Array;
}

export interface CaseSpec {
  caseId: string;
  /** As the bundle writes it: with or without hyphens. */
  registrationNo: string;
  bankAccountFingerprint: string;
  claimedLoss: number;
  dailySales?: DailySale[];
  evidence?: EvidenceSpec[];
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A valid registration number: the nine digits and their check digit. */
export function registrationNo(firstNine: string): string {
  return `${firstNine}${registrationCheckDigit(firstNine)}`;
}

/** Seven days of sales from `from`, `perDay` each. */
export function week(from: string, perDay: number): DailySale[] {
  const first = dayNumber(from);
  return Array.from({ length: 7 }, (_, i) => ({ date: isoFromDayNumber(first + i), amount: perDay }));
}

/** A 16-hex-digit bank-account fingerprint from a number. */
export function fingerprint(n: number): string {
  return n.toString(16).padStart(16, '0');
}

/**
 * Case `n` of a test: its own valid registration number and bank fingerprint, a claim of
 * 200,000, no sales, one sales-loss-proof file of its own; `extra` overrides any of it.
 */
export function caseSpec(caseId: string, n: number, extra: Partial<CaseSpec> = {}): CaseSpec {
  return {
    caseId,
    registrationNo: registrationNo(`3308${String(10000 + n).slice(-5)}`),
    bankAccountFingerprint: fingerprint(0x1000 + n),
    claimedLoss: 200_000,
    evidence: [{ name: 'pos.txt', kind: 'sales-loss-proof', bytes: utf8(`pos of ${caseId}`) }],
    ...extra,
  };
}

function record(spec: CaseSpec, files: FixtureFile[]): CaseRecord {
  return {
    caseId: spec.caseId,
    receivedAt: '2023-03-10T10:00:00+09:00',
    business: { name: `가게 ${spec.caseId}`, registrationNo: spec.registrationNo, representative: '박지민', category: 'cafe', region: '서울특별시 종로구' },
    services: ['kakaopay'],
    claimedLoss: spec.claimedLoss,
    statement: `Statement of ${spec.caseId}.`,
    bankAccountFingerprint: spec.bankAccountFingerprint,
    dailySales: spec.dailySales ?? [],
    documents: (spec.evidence ?? []).map((e, i) => ({ kind: e.kind, title: e.name, file: files[i]!.file, mediaType: files[i]!.mediaType })),
  };
}

export function caseBundle(bundleId: string, specs: readonly CaseSpec[], manifestSha256 = sha(utf8(bundleId))): BundleFixture {
  const files: FixtureFile[] = [];
  const cases: CaseRecord[] = [];
  const perCase: FixtureFile[][] = [];
  for (const spec of specs) {
    const own = (spec.evidence ?? []).map((e): FixtureFile => ({ file: `evidence/${spec.caseId}/${e.name}`, caseId: spec.caseId, mediaType: 'text/plain', bytes: e.bytes }));
    files.push(...own);
    perCase.push(own);
    cases.push(record(spec, own));
  }
  const signature = { state: 'trusted', keyid: TRUSTED_KEYID, name: ISSUER_NAME } as const;
  const bytesTotal = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  const fileName = `${bundleId}.cdbundle`;
  const progress = { casesRead: 0, evidenceRead: 0, bytesRead: 0, bytesTotal };
  const chunks: ImportChunk[] = cases.map((c, i) => {
    const own = perCase[i]!;
    progress.casesRead += 1;
    progress.evidenceRead += own.length;
    progress.bytesRead += own.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    return { kind: 'data', cases: [c], evidence: own.map((f) => ({ file: f.file, bytes: f.bytes.slice(), last: true })), progress: { ...progress } };
  });
  chunks.push({ kind: 'done', report: validReport(fileName, bundleId, cases.length, signature), progress: { ...progress } });
  return {
    summary: {
      fileName,
      manifest: {
        format: 'council-desk/bundle',
        version: 1,
        bundleId,
        title: `Bundle ${bundleId}`,
        createdAt: '2023-03-10T09:00:00+09:00',
        issuer: ISSUER_NAME,
        ...kakao1015IncidentAndPolicy(),
        caseCount: cases.length,
        files: Object.fromEntries([['cases.ndjson', 'e'.repeat(64)], ...files.map((f) => [f.file, sha(f.bytes)])]),
      },
      manifestSha256,
      signature,
      caseCount: cases.length,
      evidenceCount: files.length,
      bytesTotal,
    },
    cases,
    files,
    chunks,
  };
}

/** Imports the fixture (or the chunks given in its place) through importBundle. */
export function importFixture(db: CouncilDb, fixture: BundleFixture, options: ImportOptions & { chunks?: ImportChunk[] } = {}): Promise<ImportOutcome> {
  const { chunks, ...rest } = options;
  const api = scriptedImportApi(scriptFromFixture(fixture, chunks));
  const request = { path: `/inbox/${fixture.summary.fileName}` };
  return importBundle(db, api, request, { timestamp: () => '2023-03-10T11:00:00+09:00', ...rest });
}

/** Imports the fixture and expects it stored. */
export async function imported(db: CouncilDb, fixture: BundleFixture): Promise<void> {
  expect((await importFixture(db, fixture)).kind).toBe('imported');
}

/** Every case has its summary row, equal to caseSummaryOf(row), and there are no others. */
export async function expectSummariesInStep(db: CouncilDb): Promise<void> {
  const rows = await db.cases.toArray();
  expect(rows.length).toBeGreaterThan(0);
  expect(await db.caseSummaries.toArray()).toEqual(rows.map(caseSummaryOf));
}
