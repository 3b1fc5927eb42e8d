import { describe, expect, it, vi } from 'vitest';
import { evidenceBytesSize, type BundleSummary, type ImportChunk } from '../../shared/bundle-import';
import type { BundleReport } from '../../shared/bundle-report';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { BundleImportSessions } from '../../electron/services/bundle-import-session';
import type { ReadBundleOptions } from '../../electron/services/bundle-reader';

const summary = { fileName: 'b.cdbundle', caseCount: 10, evidenceCount: 2, bytesTotal: 100 } as BundleSummary;
const report = (valid: boolean): BundleReport => ({
  valid, fileName: 'b.cdbundle', bundleId: 'B1', caseCount: 10, signedBy: null, signature: { state: 'unsigned' },
  errors: valid ? [] : [{ kind: 'hash', file: 'evidence/c1/a.pdf', line: null, path: '', code: 'HASH_MISMATCH', params: {}, message: 'SHA-256 differs' }],
  warnings: [], errorCount: valid ? 0 : 1,
});
const caseNo = (n: number) => ({ caseId: `c${n}` }) as CaseRecord;

/** A stand-in reader that feeds `cases` cases and two evidence files, recording how far it ran ahead. */
function fakeReader(opts: { cases: number; valid?: boolean; failBeforeManifest?: boolean; crash?: boolean }) {
  const seen = { casesFed: 0, maxAhead: 0, aborted: false };
  const read = async (_path: string, o: ReadBundleOptions): Promise<BundleReport> => {
    if (opts.failBeforeManifest) return report(false);
    await o.onManifest?.(summary);
    for (let i = 1; i <= opts.cases; i += 1) {
      if (o.signal?.aborted) {
        seen.aborted = true;
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      }
      seen.casesFed = i;
      await o.onCase?.(caseNo(i), i);
    }
    if (opts.crash) throw new Error('EIO: the USB stick was pulled');
    await o.onEvidencePiece?.({ file: 'evidence/c1/a.pdf', bytes: new Uint8Array(3), last: false });
    await o.onEvidencePiece?.({ file: 'evidence/c1/a.pdf', bytes: new Uint8Array(2), last: true });
    await o.onEvidencePiece?.({ file: 'evidence/c2/b.png', bytes: new Uint8Array(4), last: true });
    return report(opts.valid ?? true);
  };
  return { read, seen };
}

async function drain(sessions: BundleImportSessions, importId: string): Promise<ImportChunk[]> {
  const chunks: ImportChunk[] = [];
  for (;;) {
    const chunk = await sessions.next(importId);
    chunks.push(chunk);
    if (chunk.kind !== 'data') return chunks;
  }
}

describe('bundle import sessions', () => {
  it('hands over every case and evidence piece in order, in chunks, then done', async () => {
    const { read } = fakeReader({ cases: 25 });
    const sessions = new BundleImportSessions({ read, chunkCases: 10, chunkBytes: 1024 });
    const begun = await sessions.begin('/x/b.cdbundle', [], false);
    expect(begun).toMatchObject({ started: true, summary });
    const chunks = await drain(sessions, (begun as { importId: string }).importId);
    const data = chunks.filter((c) => c.kind === 'data');
    expect(data.flatMap((c) => c.cases.map((r) => r.caseId))).toEqual(Array.from({ length: 25 }, (_, i) => `c${i + 1}`));
    expect(data.flatMap((c) => c.evidence.map((p) => [p.file, evidenceBytesSize(p.bytes), p.last]))).toEqual([
      ['evidence/c1/a.pdf', 3, false], ['evidence/c1/a.pdf', 2, true], ['evidence/c2/b.png', 4, true],
    ]);
    expect(data.every((c) => c.cases.length <= 20)).toBe(true);
    const last = chunks.at(-1)!;
    expect(last.kind).toBe('done');
    expect(last.progress).toMatchObject({ casesRead: 25, evidenceRead: 2, bytesRead: 9, bytesTotal: 100 });
    expect(sessions.openSessions).toBe(0);
  });

  it('hands the first chunks over smaller (an eighth, a quarter, a half), so the writing starts early, then full ones', async () => {
    const { read } = fakeReader({ cases: 400 });
    const sessions = new BundleImportSessions({ read, chunkCases: 80 });
    const begun = (await sessions.begin('/x/b.cdbundle', [], false)) as { importId: string };
    const chunks = await drain(sessions, begun.importId);
    const sizes = chunks.filter((c) => c.kind === 'data').map((c) => c.cases.length);
    expect(sizes.slice(0, 3)).toEqual([10, 20, 40]);
    expect(sizes.slice(3, -1).every((n) => n >= 80)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(400);
  });

  it('lets the reader run ahead by about two chunks at most (backpressure)', async () => {
    const { read, seen } = fakeReader({ cases: 1000 });
    const sessions = new BundleImportSessions({ read, chunkCases: 10 });
    const begun = (await sessions.begin('/x/b.cdbundle', [], false)) as { importId: string };
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.casesFed).toBeLessThanOrEqual(20);
    await sessions.next(begun.importId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.casesFed).toBeLessThanOrEqual(40);
    await sessions.cancel(begun.importId);
  });

  it('answers with the report when the first checks fail, and starts nothing', async () => {
    const { read } = fakeReader({ cases: 3, failBeforeManifest: true });
    const sessions = new BundleImportSessions({ read });
    const begun = await sessions.begin('/x/b.cdbundle', [], true);
    expect(begun).toMatchObject({ started: false, report: { valid: false, errorCount: 1 } });
    expect(sessions.openSessions).toBe(0);
  });

  it('ends with failed, and no more data, when a check fails part way', async () => {
    const { read } = fakeReader({ cases: 5, valid: false });
    const sessions = new BundleImportSessions({ read, chunkCases: 100 });
    const begun = (await sessions.begin('/x/b.cdbundle', [], false)) as { importId: string };
    const chunks = await drain(sessions, begun.importId);
    expect(chunks.at(-1)).toMatchObject({ kind: 'failed', report: { errors: [{ kind: 'hash', file: 'evidence/c1/a.pdf' }] } });
    await expect(sessions.next(begun.importId)).rejects.toMatchObject({ code: 'IMPORT_UNKNOWN' });
  });

  it('turns a read failure (a pulled USB stick) into a clear error', async () => {
    const { read } = fakeReader({ cases: 3, crash: true });
    const sessions = new BundleImportSessions({ read, chunkCases: 100 });
    const begun = (await sessions.begin('/x/b.cdbundle', [], false)) as { importId: string };
    await expect(drain(sessions, begun.importId)).rejects.toMatchObject({ code: 'BUNDLE_READ_FAILED', message: expect.stringContaining('USB stick') });
    expect(sessions.openSessions).toBe(0);
  });

  it('stops the reader on cancel', async () => {
    const { read, seen } = fakeReader({ cases: 1000 });
    const sessions = new BundleImportSessions({ read, chunkCases: 10 });
    const begun = (await sessions.begin('/x/b.cdbundle', [], false)) as { importId: string };
    await sessions.next(begun.importId);
    await sessions.cancel(begun.importId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.aborted).toBe(true);
    expect(seen.casesFed).toBeLessThan(1000);
    expect(sessions.openSessions).toBe(0);
  });

  it('answers a call still waiting for a chunk when the import is cancelled, rather than leaving it hanging', async () => {
    let stop: (() => void) | undefined;
    const read = async (_path: string, o: ReadBundleOptions): Promise<BundleReport> => {
      await o.onManifest?.(summary);
      // the reader is slow to find the next case: it stops only when aborted
      await new Promise<void>((resolve) => {
        stop = resolve;
        o.signal?.addEventListener('abort', () => resolve());
      });
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    };
    const sessions = new BundleImportSessions({ read, chunkCases: 10 });
    const begun = (await sessions.begin('/x/b.cdbundle', [], false)) as { importId: string };
    const waiting = sessions.next(begun.importId);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await sessions.cancel(begun.importId);
    await expect(waiting).rejects.toMatchObject({ code: 'IMPORT_UNKNOWN' });
    expect(sessions.openSessions).toBe(0);
    stop?.();
  });

  it('cancels an import nobody asks about any more, and refuses a third at once', async () => {
    vi.useFakeTimers();
    try {
      const sessions = new BundleImportSessions({ read: fakeReader({ cases: 1000 }).read, chunkCases: 10, idleMs: 1000, maxSessions: 2 });
      await sessions.begin('/x/a.cdbundle', [], false);
      await sessions.begin('/x/b.cdbundle', [], false);
      await expect(sessions.begin('/x/c.cdbundle', [], false)).rejects.toMatchObject({ code: 'IMPORT_BUSY' });
      vi.advanceTimersByTime(1001);
      expect(sessions.openSessions).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets a new import take the place of one abandoned by a closed window', async () => {
    vi.useFakeTimers();
    try {
      const sessions = new BundleImportSessions({ read: fakeReader({ cases: 1000 }).read, chunkCases: 10, maxSessions: 1 });
      await sessions.begin('/x/a.cdbundle', [], false);
      vi.advanceTimersByTime(31_000);
      await expect(sessions.begin('/x/b.cdbundle', [], false)).resolves.toMatchObject({ started: true });
      expect(sessions.openSessions).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
