/**
 * Local headers are read a few entries ahead of the one checked (zip-directory.ts): what each
 * entry finds is still logged in directory order, the entries before a damaged record are checked
 * before it is reported, and a fatal problem stops at its entry as it did one entry at a time.
 */
import { describe, expect, it } from 'vitest';
import { pack, tinyParts } from './fixtures/bundle-parts';
import type { RawEntry } from './fixtures/raw-zip';
import { bundleFolder, readZip } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-headers-ahead-');

/** Twenty unlisted entries after the bundle's own, every third with a name refused, `last` at the end. */
function entries(last: RawEntry[] = []): RawEntry[] {
  const out: RawEntry[] = [];
  for (let i = 0; i < 20; i++) out.push({ name: i % 3 === 0 ? `extra/${i}:bad.txt` : `extra/${i}.txt`, data: bytesOf(`file ${i}\n`) });
  return [...out, ...last];
}

describe('local headers read ahead', () => {
  it('logs the refused names in directory order, then the files nobody listed', async () => {
    const report = await readZip(dir, pack(tinyParts(), { extra: entries() }));
    const codes = report.errors.map((e) => `${e.code} ${e.file}`);
    const names = codes.filter((c) => c.startsWith('NAME_'));
    expect(names).toEqual([0, 3, 6, 9, 12, 15, 18].map((i) => `NAME_COLON extra/${i}:bad.txt`));
    expect(codes.indexOf(names[names.length - 1]!)).toBeLessThan(codes.findIndex((c) => c.startsWith('FILE_NOT_LISTED')));
  });

  it('checks the entries before a damaged record first, then reports the directory damaged', async () => {
    const damaged: RawEntry = { name: 'extra/damaged.txt', data: bytesOf('x'), central: { extra: Uint8Array.from([0x55, 0x54, 0x10, 0x00, 0x01]) } };
    const report = await readZip(dir, pack(tinyParts(), { extra: entries([damaged, ...entries()]) }));
    expect(report.errors.map((e) => e.code)).toEqual([...Array(7).fill('NAME_COLON'), 'ZIP_DIRECTORY_DAMAGED']);
  });

  it('stops at the entry of a fatal problem, logging nothing of the entries read ahead after it', async () => {
    const huge: RawEntry = { name: 'extra/huge.bin', data: bytesOf('x'), declaredSize: 2 ** 31 };
    const report = await readZip(dir, pack(tinyParts(), { extra: entries([huge, ...entries()]) }), { limits: { maxEntryBytes: 2 ** 30 } });
    expect(report.errors.map((e) => e.code)).toEqual([...Array(7).fill('NAME_COLON'), 'LIMIT_ENTRY_SIZE_DECLARED']);
  });
});
