/**
 * The benchmark's bundles, made on the fly: many cases without evidence, cases with about three
 * ~10 KB PDFs each, and one bundle with a single very large evidence entry (to show the reader's
 * memory does not grow with the largest entry). Deterministic; nothing is checked in.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Zip, ZipPassThrough, ZipDeflate } from 'fflate';
import { canonicalJson } from '../../shared/canonical-json';
import { registrationCheckDigit } from '../../shared/registration-number';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import type { CaseRecordInput } from '../../shared/schemas/case-record';
import type { BundleContent } from '../../electron/services/bundle-content';
import { writeBundleFile } from '../../electron/services/bundle-zip-writer';
import { seeded } from './seeded';

export { seeded };

const DATES = Array.from({ length: 61 }, (_, i) => new Date(Date.UTC(2022, 8, 1 + i)).toISOString().slice(0, 10));

export function benchCase(i: number, random: () => number, documents: CaseRecordInput['documents'] = []): CaseRecordInput {
  const first9 = String(100_000_000 + ((i * 7919) % 800_000_000)).slice(-9);
  const base = 200_000 + Math.floor(random() * 600_000);
  return {
    caseId: `B-${String(i).padStart(6, '0')}`,
    receivedAt: '2023-02-03T11:20:00+09:00',
    business: { name: `벤치상점 ${i}호`, registrationNo: `${first9}${registrationCheckDigit(first9)}`, representative: '김벤치', category: 'restaurant', region: '서울특별시 마포구' },
    services: ['talk-channel', 'kakaopay'],
    claimedLoss: Math.floor(random() * 900_000),
    statement: '카카오톡 채널 주문이 10월 15일 오후부터 끊겨 매출이 크게 줄었습니다.',
    bankAccountFingerprint: createHash('sha256').update(`acct-${i}`).digest('hex').slice(0, 32),
    dailySales: DATES.map((date) => ({ date, amount: Math.floor(base * (0.6 + random() * 0.8)) })),
    documents,
  };
}

export function benchManifest(bundleId: string): BundleContent['manifest'] {
  return {
    format: 'council-desk/bundle', version: 1, bundleId, title: `Benchmark ${bundleId}`,
    createdAt: '2023-03-02T09:00:00+09:00', issuer: 'Council Desk benchmark', ...kakao1015IncidentAndPolicy(),
  };
}

/** A PDF-looking file of incompressible bytes. */
function fakePdf(random: () => number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (random() * 256) | 0;
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  return bytes;
}

export async function writeCasesOnlyBundle(path: string, cases: number, privateKeyPem: string): Promise<void> {
  const random = seeded(20_000);
  const content: BundleContent = { manifest: benchManifest(`BENCH-C${cases}`), cases: [], files: [] };
  for (let i = 1; i <= cases; i += 1) content.cases.push(benchCase(i, random));
  await writeBundleFile(path, content, { privateKeyPem });
}

export async function writeEvidenceBundle(path: string, cases: number, filesPerCase: number, fileSize: number, privateKeyPem: string): Promise<void> {
  const random = seeded(2_000);
  const content: BundleContent = { manifest: benchManifest(`BENCH-E${cases}`), cases: [], files: [] };
  for (let i = 1; i <= cases; i += 1) {
    const caseId = `B-${String(i).padStart(6, '0')}`;
    const documents = Array.from({ length: filesPerCase }, (_, k) => ({
      kind: 'sales-loss-proof', title: `증빙 ${k + 1}`, file: `evidence/${caseId}/doc-${k + 1}.pdf`, mediaType: 'application/pdf' as const,
    }));
    for (const doc of documents) content.files.push({ path: doc.file, bytes: fakePdf(random, fileSize) });
    content.cases.push(benchCase(i, random, documents));
  }
  await writeBundleFile(path, content, { privateKeyPem });
}

/**
 * One case with one evidence entry of `bytes` bytes, written streaming (the in-memory writer would
 * hold it whole): deterministic pseudo-random content, hashed in a first pass, stored uncompressed.
 */
export async function writeLargeEntryBundle(path: string, bytes: number): Promise<void> {
  const PIECE = 1 << 20;
  const piece = (index: number): Uint8Array => {
    const random = seeded(index + 1);
    const out = new Uint8Array(Math.min(PIECE, bytes - index * PIECE));
    for (let i = 0; i < out.length; i += 4) out[i] = (random() * 256) | 0;
    if (index === 0) out.set(new TextEncoder().encode('%PDF-1.4\n'));
    return out;
  };
  const pieces = Math.ceil(bytes / PIECE);
  const evidenceHash = createHash('sha256');
  for (let k = 0; k < pieces; k += 1) evidenceHash.update(piece(k));
  const file = 'evidence/B-000001/large.pdf';
  const record = benchCase(1, seeded(1), [{ kind: 'sales-loss-proof', title: '대용량 증빙', file, mediaType: 'application/pdf' }]);
  const casesText = new TextEncoder().encode(`${JSON.stringify(record)}\n`);
  const manifest = {
    ...benchManifest('BENCH-LARGE'), caseCount: 1,
    files: { 'cases.ndjson': createHash('sha256').update(casesText).digest('hex'), [file]: evidenceHash.digest('hex') },
  };
  const out = createWriteStream(path);
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.write(data);
  });
  const add = (name: string, data: Uint8Array, deflate: boolean) => {
    const entry = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data, true);
  };
  add('manifest.json', new TextEncoder().encode(canonicalJson(manifest)), true);
  add('cases.ndjson', casesText, true);
  const large = new ZipPassThrough(file);
  zip.add(large);
  for (let k = 0; k < pieces; k += 1) {
    large.push(piece(k), k === pieces - 1);
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  zip.end();
  out.end();
  await once(out, 'finish');
}
