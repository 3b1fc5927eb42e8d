/**
 * The benchmark's realistic batch: 451 cases (a real batch's size), each with the four documents
 * the policy asks for, 50 KB to 3 MB each, about 1 GB in all. Two are scanned-PDF-like (a PDF
 * header and trailer around an image stream) and two photo-like (a JPEG with its frame header
 * declaring a 12-megapixel photo or a phone screenshot): their bodies are a seeded AES-CTR key
 * stream, bytes that do not compress, as scans and photos do not. Each file is deflated (level 6,
 * as a ZIP program does). Deterministic: the same seed gives the same file, so one written by an
 * earlier run is reused. Written streaming (one file in memory at a time) into a temporary name,
 * checked by the app's own reader and only then renamed into place.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { PAYLOAD_TYPE_BUNDLE } from '../../shared/dsse';
import type { BundleManifest } from '../../shared/schemas/bundle-manifest';
import type { CaseRecordInput, EvidenceMediaType } from '../../shared/schemas/case-record';
import { readBundle } from '../../electron/services/bundle-reader';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { keyIdOfPrivateKeyPem, publicKeyPemOf } from '../../electron/services/keys';
import { benchCase, benchManifest, seeded } from './bench-bundles';

const KB = 1024;
const MB = 1024 * KB;

/** The four documents of each case: what they are, and the range of their sizes. */
const DOCUMENTS = [
  { kind: 'small-business-certificate', title: '소상공인 확인서 (스캔)', name: 'certificate.pdf', mediaType: 'application/pdf', min: 50 * KB, max: 300 * KB },
  { kind: 'sales-loss-proof', title: '매출 감소 증빙 (스캔, 여러 쪽)', name: 'sales-loss.pdf', mediaType: 'application/pdf', min: 200 * KB, max: 3 * MB },
  { kind: 'service-use-proof', title: '서비스 이용 화면 (사진)', name: 'service-use.jpg', mediaType: 'image/jpeg', min: 100 * KB, max: 600 * KB },
  { kind: 'bank-account', title: '통장 사본 (사진)', name: 'bank-account.jpg', mediaType: 'image/jpeg', min: 50 * KB, max: 300 * KB },
] as const satisfies readonly { kind: string; title: string; name: string; mediaType: EvidenceMediaType; min: number; max: number }[];

export interface EvidenceFileSpec {
  path: string;
  mediaType: EvidenceMediaType;
  size: number;
  /** Which key stream fills its body. */
  seed: number;
}

export interface RealisticBatch {
  bundleId: string;
  cases: CaseRecordInput[];
  /** Sorted by path (UTF-8 bytes; all ASCII here), the order the writer stores them in. */
  files: EvidenceFileSpec[];
}

export function realisticBatch(caseCount = 451, seed = 451): RealisticBatch {
  const random = seeded(seed);
  const cases: CaseRecordInput[] = [];
  const files: EvidenceFileSpec[] = [];
  for (let i = 1; i <= caseCount; i += 1) {
    const caseId = `B-${String(i).padStart(6, '0')}`;
    const documents = DOCUMENTS.map((d) => {
      const file = `evidence/${caseId}/${d.name}`;
      files.push({ path: file, mediaType: d.mediaType, size: d.min + Math.floor(random() * (d.max - d.min + 1)), seed: files.length + 1 });
      return { kind: d.kind, title: d.title, file, mediaType: d.mediaType };
    });
    cases.push(benchCase(i, random, documents));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { bundleId: `BENCH-R${caseCount}`, cases, files };
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A scanned page as PDF: header, one image object's stream of scan bytes, trailer. */
function pdfFrame(size: number): { head: Buffer; tail: Buffer } {
  const head = latin1(
    '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>\nendobj\n' +
      `4 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${size} >>\nstream\n`,
  );
  const tail = latin1('\nendstream\nendobj\n5 0 obj\n<< /Length 31 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n');
  return { head, tail };
}

/** A photo as JPEG: SOI, JFIF, a baseline frame header (width x height), a scan, EOI. */
function jpegFrame(width: number, height: number): { head: Buffer; tail: Buffer } {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  const sos = [0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00];
  return { head: Buffer.from([0xff, 0xd8, ...app0, ...sof0, ...sos]), tail: Buffer.from([0xff, 0xd9]) };
}

/** The file's bytes: its media type's frame around a key stream, exactly `size` bytes. */
export function evidenceBytes(spec: EvidenceFileSpec): Buffer {
  const frame = spec.mediaType === 'application/pdf' ? pdfFrame(spec.size) : spec.seed % 2 === 0 ? jpegFrame(4032, 3024) : jpegFrame(1080, 2340);
  const bodySize = spec.size - frame.head.length - frame.tail.length;
  const key = createHash('sha256').update(`council-desk bench evidence ${spec.seed}`).digest().subarray(0, 16);
  const body = createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(bodySize));
  return Buffer.concat([frame.head, body, frame.tail], spec.size);
}

/** 1980-01-01 00:00 in DOS form, as the bundle writer stamps every entry. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface CentralEntry {
  name: Buffer;
  crc: number;
  packed: number;
  size: number;
  offset: number;
}

/** A ZIP written entry by entry, every entry deflated, sizes and CRC-32 in the local header. */
class ZipFile {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  add(nameText: string, bytes: Uint8Array): void {
    const name = Buffer.from(nameText, 'utf8');
    const packed = deflateRawSync(bytes, { level: 6 });
    const entry = { name, crc: crc32(bytes), packed: packed.length, size: bytes.length, offset: this.offset };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed: deflate
    head.writeUInt16LE(0, 6); // flags
    head.writeUInt16LE(8, 8); // method: deflate
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt32LE(entry.crc, 14);
    head.writeUInt32LE(entry.packed, 18);
    head.writeUInt32LE(entry.size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    this.write(head);
    this.write(name);
    this.write(packed);
    this.entries.push(entry);
  }

  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const rec = Buffer.alloc(46);
      rec.writeUInt32LE(0x02014b50, 0);
      rec.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      rec.writeUInt16LE(20, 6);
      rec.writeUInt16LE(0, 8);
      rec.writeUInt16LE(8, 10);
      rec.writeUInt16LE(DOS_TIME, 12);
      rec.writeUInt16LE(DOS_DATE, 14);
      rec.writeUInt32LE(e.crc, 16);
      rec.writeUInt32LE(e.packed, 20);
      rec.writeUInt32LE(e.size, 24);
      rec.writeUInt16LE(e.name.length, 28);
      rec.writeUInt32LE(e.offset, 42); // extra, comment, disk, attributes: 0
      this.write(rec);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }

  private write(bytes: Uint8Array): void {
    writeSync(this.fd, bytes);
    this.offset += bytes.length;
  }
}

/**
 * Writes the batch to `path`: the signed manifest first, then cases.ndjson, then the evidence in
 * path order. The files' hashes are taken in a first pass (the bytes are made again to be written).
 */
export async function writeRealisticBundle(path: string, privateKeyPem: string, batch = realisticBatch()): Promise<void> {
  const casesBytes = Buffer.from(batch.cases.map((c) => `${JSON.stringify(c)}\n`).join(''), 'utf8');
  const files: Record<string, string> = { 'cases.ndjson': createHash('sha256').update(casesBytes).digest('hex') };
  for (const spec of batch.files) files[spec.path] = createHash('sha256').update(evidenceBytes(spec)).digest('hex');
  const manifest: BundleManifest = { ...benchManifest(batch.bundleId), title: `Benchmark batch of ${batch.cases.length} cases with scanned and photographed evidence`, caseCount: batch.cases.length, files };
  const envelope = signEnvelope(PAYLOAD_TYPE_BUNDLE, manifest, privateKeyPem);
  const temp = `${path}.partial`;
  const zip = new ZipFile(temp);
  try {
    zip.add('manifest.dsse.json', Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8'));
    zip.add('cases.ndjson', casesBytes);
    for (const spec of batch.files) zip.add(spec.path, evidenceBytes(spec));
    zip.close();
    const trust = [{ keyid: keyIdOfPrivateKeyPem(privateKeyPem), name: 'benchmark', roles: ['bundle-issuer' as const], publicKeyPem: publicKeyPemOf(privateKeyPem) }];
    const report = await readBundle(temp, { trust, requireSignature: true });
    if (!report.valid) throw new Error(`the realistic benchmark bundle does not validate: ${report.errors[0]?.message}`);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
