/**
 * The reader's memory is bounded whatever the number of entries or their names (FORMATS.md: under
 * 300 MB). Each bundle is written streaming into the temporary folder and read in a process of
 * its own, whose peak resident memory (maxRSS) is the measure. Time bounds are generous: these
 * are resource tests, not benchmarks.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TEMPLATES } from '../../electron/services/bundle-reader/problem-codes';
import { cliChild } from './fixtures/cli-child';
import { centralHeader, endRecord, localHeader, zip64EndRecords, type EntryMeta } from './fixtures/raw-zip';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-directory-memory-');
const ENTRIES = 200_000;
const MAX_RSS_MB = 300;

/** Entry i's name: `evidence/<i>/` padded with letters to `bytes` bytes. */
function nameOf(i: number, bytes: number): Buffer {
  const head = `evidence/${String(i).padStart(6, '0')}/`;
  return Buffer.from(head + 'n'.repeat(bytes - head.length - 4) + '.txt');
}

const emptyFile = (name: Buffer): EntryMeta => ({ name, flags: 0, method: 0, crc: 0, compressedSize: 0, size: 0, versionMadeBy: 20, externalAttributes: 0 });

/**
 * 200,000 empty stored files. With `ownLocalHeaders` each has its local header; without, every
 * central record points at the first one (the directory is all that matters then).
 */
function writeManyEntries(path: string, nameBytes: number, ownLocalHeaders: boolean): void {
  const fd = openSync(path, 'w');
  let offset = 0;
  const write = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  try {
    const offsets: number[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      offsets.push(offset);
      if (ownLocalHeaders || i === 0) write(localHeader(emptyFile(nameOf(i, nameBytes))));
      if (!ownLocalHeaders) offsets[i] = 0;
    }
    const directoryOffset = offset;
    let batch: Buffer[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      batch.push(centralHeader(emptyFile(nameOf(i, nameBytes)), offsets[i]!));
      if (batch.length === 1000) {
        write(Buffer.concat(batch));
        batch = [];
      }
    }
    write(Buffer.concat(batch));
    const directorySize = offset - directoryOffset;
    write(zip64EndRecords(ENTRIES, directorySize, directoryOffset, offset));
    write(endRecord(0xffff, directorySize, directoryOffset));
  } finally {
    closeSync(fd);
  }
}

describe('memory for many entries', () => {
  it('refuses 200,000 entries with 1 KB names from the directory size alone, quickly and in little memory', async () => {
    const path = join(dir, 'long-names.cdbundle');
    writeManyEntries(path, 1024, false);
    try {
      const run = await cliChild(['validate', path, '--json']);
      const out = JSON.parse(run.stdout);
      expect(run.status).toBe(1);
      // --json prints FORMATS.md's fields, not the code: the message is the LIMIT_DIRECTORY_SIZE template
      expect(out.errors).toHaveLength(1);
      expect(out.errors[0].message).toMatch(/^has a table of contents of 204\.\d MiB, more than the 64 MiB a bundle's may be/);
      expect(run.peakMb).toBeLessThan(MAX_RSS_MB);
      expect(run.seconds).toBeLessThan(10);
    } finally {
      rmSync(path, { force: true });
    }
  }, 120_000);

  it('reads the directory of 200,000 entries with 250-byte names in under 300 MB', async () => {
    const path = join(dir, 'many-entries.cdbundle');
    writeManyEntries(path, 250, true);
    try {
      const run = await cliChild(['validate', path, '--json'], 240_000);
      const out = JSON.parse(run.stdout);
      // Every entry passed the directory and layout checks; the bundle has no manifest.
      expect(out.errors.map((e: { message: string }) => e.message)).toEqual([PROBLEM_TEMPLATES.MANIFEST_NONE({ plain: 'manifest.json', signed: 'manifest.dsse.json' })]);
      expect(run.peakMb).toBeLessThan(MAX_RSS_MB);
      expect(run.seconds).toBeLessThan(180);
    } finally {
      rmSync(path, { force: true });
    }
  }, 300_000);
});
