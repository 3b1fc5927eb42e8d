import { describe, expect, it } from 'vitest';
import type { BundleSummary, EvidencePiece } from '../../shared/bundle-import';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { generateKeyPair } from '../../electron/services/keys';
import { DEFAULT_BUNDLE_LIMITS, peekBundle, readBundle } from '../../electron/services/bundle-reader';
import { sha256, writeInto } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip, warningTexts } from './fixtures/read-helpers';
import { tinyBundleContent, trustFor } from './fixtures/tiny-bundle';

const dir = bundleFolder();
const issuer = generateKeyPair();
const trust = [trustFor(issuer.publicKeyPem, '데모 사무국')];
const unsigned = buildBundleZip(tinyBundleContent());
const signed = buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem });

describe('readBundle on a sound bundle', () => {
  it('has the documented default limits', () => {
    expect(DEFAULT_BUNDLE_LIMITS).toEqual({ maxEntries: 200_000, maxDirectoryBytes: 64 * 1024 * 1024, maxEntryBytes: 256 * 2 ** 20, maxTotalBytes: 4 * 2 ** 30, maxCompressionRatio: 200, maxErrors: 1000, maxCases: 100_000 });
  });

  it('reports a signed bundle valid, signed by the trusted key, with a warning for the evidence no case uses', async () => {
    const report = await readZip(dir, signed.zip, { trust, requireSignature: true });
    expect(errorTexts(report)).toEqual([]);
    expect(report).toMatchObject({ valid: true, fileName: 'batch7.cdbundle', bundleId: '1015-2023-T01', caseCount: 3, errorCount: 0 });
    expect(report.signedBy).toEqual({ keyid: issuer.keyid, name: '데모 사무국' });
    expect(report.signature).toEqual({ state: 'trusted', keyid: issuer.keyid, name: '데모 사무국' });
    expect(warningTexts(report)).toEqual(['evidence/1015-000003/unreferenced.txt: is listed in the manifest, but no case points to it; it will not be imported']);
  });

  it('hands over the summary, then every case in order, then evidence pieces whose bytes hash right', async () => {
    const events: string[] = [];
    let summary: BundleSummary | null = null;
    const pieces = new Map<string, Uint8Array[]>();
    const lasts: string[] = [];
    const report = await readZip(dir, signed.zip, {
      trust,
      requireSignature: true,
      onManifest: (s) => {
        summary = s;
        events.push('manifest');
      },
      onCase: async (record, line) => {
        events.push(`case ${record.caseId} line ${line}`);
        await new Promise((r) => setTimeout(r, 1));
      },
      onEvidencePiece: (piece: EvidencePiece) => {
        if (!events.includes(`evidence ${piece.file}`)) events.push(`evidence ${piece.file}`);
        pieces.set(piece.file, [...(pieces.get(piece.file) ?? []), piece.bytes]);
        if (piece.last) lasts.push(piece.file);
      },
    });
    expect(report.valid).toBe(true);
    expect(events).toEqual([
      'manifest',
      'case 1015-000001 line 1',
      'case 1015-000002 line 2',
      'case 1015-000003 line 3',
      'evidence evidence/1015-000001/certificate.png',
      'evidence evidence/1015-000001/pos.csv',
      'evidence evidence/1015-000002/note.txt',
    ]);
    expect(lasts).toEqual(['evidence/1015-000001/certificate.png', 'evidence/1015-000001/pos.csv', 'evidence/1015-000002/note.txt']);
    for (const [file, parts] of pieces) {
      expect(sha256(Buffer.concat(parts))).toBe(signed.manifest.files[file]);
    }
    expect(summary).toMatchObject({ fileName: 'batch7.cdbundle', caseCount: 3, evidenceCount: 4, manifestSha256: signed.manifestSha256 });
    expect(summary!.signature).toEqual({ state: 'trusted', keyid: issuer.keyid, name: '데모 사무국' });
    expect(summary!.manifest.bundleId).toBe('1015-2023-T01');
  });

  it('peeks at the manifest only', async () => {
    const path = writeInto(dir, 'peek.cdbundle', signed.zip);
    expect(await peekBundle(path)).toEqual({ bundleId: '1015-2023-T01', manifestSha256: signed.manifestSha256 });
    expect(await peekBundle(writeInto(dir, 'junk.cdbundle', new TextEncoder().encode('not a zip')))).toBeNull();
    expect(await peekBundle(`${dir}/missing.cdbundle`)).toBeNull();
  });

  it('defaults the display name to the file name', async () => {
    const path = writeInto(dir, 'named.cdbundle', unsigned.zip);
    const report = await readBundle(path, { trust: [], requireSignature: false });
    expect(report.fileName).toBe('named.cdbundle');
    expect(report.signature).toEqual({ state: 'unsigned' });
    expect(report.signedBy).toBeNull();
    expect(report.valid).toBe(true);
  });
});
