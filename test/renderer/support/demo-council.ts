/**
 * A small demo council for tests: what loadDemoCouncil answers (name, members), and
 * its bundle as the main process's import hands it over: three cases (one per tier), four evidence
 * files (one of them no case points to), in two data chunks and 'done'.
 */
import { createHash } from 'node:crypto';
import type { DemoCouncil } from '../../../shared/api';
import type { BundleSummary, ImportChunk } from '../../../shared/bundle-import';
import { DEMO_COUNCIL_NAME, DEMO_MEMBERS } from '../../../shared/council';
import { registrationCheckDigit } from '../../../shared/registration-number';
import type { CaseRecord } from '../../../shared/schemas/case-record';
import { kakao1015IncidentAndPolicy } from '../../../shared/kakao-1015';
import type { BundleFixture, FixtureFile } from './bundle-fixture';
import { validReport } from './bundle-fixture';

export const TRUSTED_KEYID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const ISSUER_NAME = '카카오 1015 소상공인 지원센터';
export const BUNDLE_ID = '1015-2023-B07';
export const DEMO_FILE_NAME = 'demo.cdbundle';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

function registrationNo(firstNine: string): string {
  return `${firstNine}${registrationCheckDigit(firstNine)}`;
}

function evidence(caseId: string, name: string, mediaType: FixtureFile['mediaType'], bytes: Uint8Array): FixtureFile {
  return { caseId, file: `evidence/${caseId}/${name}`, mediaType, bytes };
}

function caseRecord(n: number, name: string, claimedLoss: number, documents: CaseRecord['documents']): CaseRecord {
  const caseId = `1015-00000${n}`;
  return {
    caseId,
    receivedAt: '2023-02-03T11:20:00+09:00',
    business: { name, registrationNo: registrationNo(`12345678${n}`), representative: '김민수', category: 'restaurant', region: '서울특별시 마포구' },
    services: ['talk-channel', 'kakaopay'],
    claimedLoss,
    statement: `Orders stopped <b>from Saturday</b> (${name}).`,
    bankAccountFingerprint: `b1946ac92492d2347c6235b4d261118${n}`,
    dailySales: [{ date: '2022-09-03', amount: 610000 }],
    documents,
  };
}

export function demoCouncil(): DemoCouncil {
  return { councilName: DEMO_COUNCIL_NAME, members: DEMO_MEMBERS.map((m) => ({ ...m, conflicts: m.conflicts.map((c) => ({ ...c })) })) };
}

/**
 * The demo bundle as a scripted import plays it. A test may change a case or the manifest before
 * it plays the chunks: they hold the very same objects.
 */
export function demoBundleFixture(): BundleFixture {
  const files = [
    evidence('1015-000001', 'pos.csv', 'text/csv', utf8('date,amount\n2022-10-15,0\n')),
    evidence('1015-000002', 'certificate.pdf', 'application/pdf', utf8('%PDF-1.4\n% test certificate\n')),
    evidence('1015-000002', 'screenshot.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])),
    evidence('1015-000003', 'note.txt', 'text/plain', utf8('not referenced by any case document')),
  ];
  const [pos, cert, shot, note] = files as [FixtureFile, FixtureFile, FixtureFile, FixtureFile];
  const cases = [
    caseRecord(1, '행복분식', 120000, [{ kind: 'sales-loss-proof', title: 'POS 매출 내역', file: pos.file, mediaType: 'text/csv' }]),
    caseRecord(2, '마포택시', 420000, [
      { kind: 'small-business-certificate', title: '소상공인 확인서', file: cert.file, mediaType: 'application/pdf' },
      { kind: 'service-use-proof', title: '카카오 T 화면', file: shot.file, mediaType: 'image/png' },
    ]),
    caseRecord(3, '연남꽃집', 900000, []),
  ];
  const signature = { state: 'trusted', keyid: TRUSTED_KEYID, name: ISSUER_NAME } as const;
  const bytesTotal = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  const summary: BundleSummary = {
    fileName: DEMO_FILE_NAME,
    manifest: {
      format: 'council-desk/bundle',
      version: 1,
      bundleId: BUNDLE_ID,
      title: '1015 소상공인 신청 7차분',
      createdAt: '2023-03-02T09:00:00+09:00',
      issuer: ISSUER_NAME,
      ...kakao1015IncidentAndPolicy(),
      caseCount: cases.length,
      files: Object.fromEntries([['cases.ndjson', 'f'.repeat(64)], ...files.map((f) => [f.file, sha(f.bytes)])]),
    },
    manifestSha256: 'c'.repeat(64),
    signature,
    caseCount: cases.length,
    evidenceCount: files.length,
    bytesTotal,
  };
  const firstBytes = pos.bytes.byteLength + cert.bytes.byteLength + 4;
  const chunks: ImportChunk[] = [
    {
      kind: 'data',
      cases: [cases[0]!, cases[1]!],
      evidence: [
        { file: pos.file, bytes: pos.bytes.slice(), last: true },
        { file: cert.file, bytes: cert.bytes.slice(), last: true },
        { file: shot.file, bytes: shot.bytes.slice(0, 4), last: false },
      ],
      progress: { casesRead: 2, evidenceRead: 2, bytesRead: firstBytes, bytesTotal },
    },
    {
      kind: 'data',
      cases: [cases[2]!],
      evidence: [
        { file: shot.file, bytes: shot.bytes.slice(4), last: true },
        { file: note.file, bytes: note.bytes.slice(), last: true },
      ],
      progress: { casesRead: 3, evidenceRead: 4, bytesRead: bytesTotal, bytesTotal },
    },
    { kind: 'done', report: validReport(DEMO_FILE_NAME, BUNDLE_ID, cases.length, signature), progress: { casesRead: 3, evidenceRead: 4, bytesRead: bytesTotal, bytesTotal } },
  ];
  return { summary, cases, files, chunks };
}
