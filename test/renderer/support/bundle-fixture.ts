/**
 * A small bundle as the main process hands it over: four cases and five evidence files, split
 * across three data chunks so that one file's pieces span all three, and one file arrives a chunk
 * before the case that points to it; then 'done'.
 */
import { createHash } from 'node:crypto';
import type { BundleSummary, EvidencePiece, ImportChunk } from '../../../shared/bundle-import';
import type { BundleReport } from '../../../shared/bundle-report';
import type { SignatureStatus } from '../../../shared/bundle-types';
import { kakao1015IncidentAndPolicy } from '../../../shared/kakao-1015';
import { registrationCheckDigit } from '../../../shared/registration-number';
import type { CaseRecord, EvidenceMediaType } from '../../../shared/schemas/case-record';
import { ISSUER_NAME, TRUSTED_KEYID } from './demo-council';

export const FIXTURE_BUNDLE_ID = '1015-2023-B08';
export const FIXTURE_CASE_IDS = ['1015-000101', '1015-000102', '1015-000103', '1015-000104'] as const;

const utf8 = (s: string) => new TextEncoder().encode(s);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface FixtureFile {
  file: string;
  caseId: string;
  mediaType: EvidenceMediaType;
  bytes: Uint8Array;
}

export interface BundleFixture {
  summary: BundleSummary;
  cases: CaseRecord[];
  files: FixtureFile[];
  chunks: ImportChunk[];
}

export interface FixtureOptions {
  bundleId?: string;
  manifestSha256?: string;
  /** Four case ids: the first has pos.csv, the second certificate.pdf and screenshot.png, the fourth note.txt. */
  caseIds?: readonly string[];
  signature?: SignatureStatus;
  fileName?: string;
}

function caseRecord(caseId: string, n: number, claimedLoss: number, files: FixtureFile[], titles: string[]): CaseRecord {
  const nine = `2208${String(10000 + n).slice(-5)}`;
  return {
    caseId,
    receivedAt: '2023-03-10T10:00:00+09:00',
    business: { name: `가게 ${n}`, registrationNo: `${nine}${registrationCheckDigit(nine)}`, representative: '이수진', category: 'cafe', region: '서울특별시 서대문구' },
    services: ['kakaopay'],
    claimedLoss,
    statement: `Supplementary statement ${n}.`,
    bankAccountFingerprint: `c0ffee${String(n).padStart(10, '0')}`,
    dailySales: [],
    documents: files.map((f, i) => ({ kind: i === 0 ? 'sales-loss-proof' : 'service-use-proof', title: titles[i] ?? f.file, file: f.file, mediaType: f.mediaType })),
  };
}

const piece = (f: FixtureFile, from: number, to: number | undefined, last: boolean): EvidencePiece => ({ file: f.file, bytes: f.bytes.slice(from, to), last });

export function validReport(fileName: string, bundleId: string, caseCount: number, signature: SignatureStatus, warnings: BundleReport['warnings'] = []): BundleReport {
  const signedBy = signature.state === 'trusted' ? { keyid: signature.keyid, name: signature.name } : null;
  return { valid: true, fileName, bundleId, caseCount, signedBy, signature, errors: [], warnings, errorCount: 0 };
}

export function bundleFixture(options: FixtureOptions = {}): BundleFixture {
  const bundleId = options.bundleId ?? FIXTURE_BUNDLE_ID;
  const ids = options.caseIds ?? FIXTURE_CASE_IDS;
  const signature = options.signature ?? { state: 'trusted', keyid: TRUSTED_KEYID, name: ISSUER_NAME };
  const fileName = options.fileName ?? 'batch8.cdbundle';
  const [c1, c2, c3, c4] = ids as [string, string, string, string];
  const file = (caseId: string, name: string, mediaType: EvidenceMediaType, bytes: Uint8Array): FixtureFile => ({ file: `evidence/${caseId}/${name}`, caseId, mediaType, bytes });
  const pos = file(c1, 'pos.csv', 'text/csv', utf8('date,amount\n2022-10-15,0\n2022-10-16,12000\n2022-10-17,30500\n'));
  const cert = file(c2, 'certificate.pdf', 'application/pdf', utf8('%PDF-1.4\n% supplementary certificate\n'));
  const shot = file(c2, 'screenshot.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7, 6, 5]));
  const note = file(c4, 'note.txt', 'text/plain', utf8('영수증을 추가로 냅니다.\n'));
  const spare = file(c3, 'unreferenced.txt', 'text/plain', utf8('no case points to this file'));
  const files = [pos, cert, shot, note, spare];
  const cases = [
    caseRecord(c1, 1, 250000, [pos], ['POS 매출 내역']),
    caseRecord(c2, 2, 450000, [cert, shot], ['소상공인 확인서', '카카오페이 화면']),
    caseRecord(c3, 3, 800000, [], []),
    caseRecord(c4, 4, 90000, [note], ['추가 설명']),
  ];
  const bytesTotal = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  const summary: BundleSummary = {
    fileName,
    manifest: {
      format: 'council-desk/bundle',
      version: 1,
      bundleId,
      title: '1015 소상공인 신청 8차분 (보완)',
      createdAt: '2023-03-10T09:00:00+09:00',
      issuer: ISSUER_NAME,
      ...kakao1015IncidentAndPolicy(),
      caseCount: cases.length,
      files: Object.fromEntries([['cases.ndjson', 'e'.repeat(64)], ...files.map((f) => [f.file, sha(f.bytes)])]),
    },
    manifestSha256: options.manifestSha256 ?? 'b'.repeat(64),
    signature,
    caseCount: cases.length,
    evidenceCount: files.length,
    bytesTotal,
  };
  const pieces1 = [piece(pos, 0, 10, false), piece(cert, 0, undefined, true), piece(note, 0, undefined, true)];
  const pieces2 = [piece(pos, 10, 30, false), piece(shot, 0, 6, false), piece(spare, 0, undefined, true)];
  const pieces3 = [piece(pos, 30, undefined, true), piece(shot, 6, undefined, true)];
  let bytesRead = 0;
  let evidenceRead = 0;
  let casesRead = 0;
  const data = (chunkCases: CaseRecord[], pieces: EvidencePiece[]): ImportChunk => {
    casesRead += chunkCases.length;
    for (const p of pieces) {
      bytesRead += p.bytes.byteLength;
      if (p.last) evidenceRead += 1;
    }
    return { kind: 'data', cases: chunkCases, evidence: pieces, progress: { casesRead, evidenceRead, bytesRead, bytesTotal } };
  };
  const chunks: ImportChunk[] = [
    data([cases[0]!, cases[1]!], pieces1),
    data([cases[2]!], pieces2),
    data([cases[3]!], pieces3),
    { kind: 'done', report: validReport(fileName, bundleId, cases.length, signature), progress: { casesRead, evidenceRead, bytesRead, bytesTotal } },
  ];
  return { summary, cases, files, chunks };
}

/** The fixture's chunks with a 'failed' chunk in place of the ones from `at` on. */
export function failingAt(fixture: BundleFixture, at: number, errors: BundleReport['errors']): ImportChunk[] {
  const last = fixture.chunks[at - 1];
  const progress = last && last.kind === 'data' ? last.progress : { casesRead: 0, evidenceRead: 0, bytesRead: 0, bytesTotal: fixture.summary.bytesTotal };
  const report: BundleReport = {
    ...validReport(fixture.summary.fileName, fixture.summary.manifest.bundleId, fixture.cases.length, fixture.summary.signature),
    valid: false,
    errors,
    errorCount: errors.length,
  };
  return [...fixture.chunks.slice(0, at), { kind: 'failed', report, progress }];
}
