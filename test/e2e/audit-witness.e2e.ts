/**
 * The audit log's witness in real Chromium (issue 14, item 4): a vote in the meeting room, and
 * the witness file in the user-data folder holds its entry's hash; then the IndexedDB audit table
 * rewritten from outside the app, one entry changed and every hash after it recomputed (a chain
 * that still checks), and the app started again shows the log as rewritten, naming that entry.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { openMeetingWith } from './decided-meeting';
import { DEMO_VOTE, playVoteScene } from './room-scene';
import type { AuditEntry } from '../../shared/schemas/audit-entry';

let app: RunningApp;

beforeAll(async () => {
  app = await launchApp();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The page's audit table, read or written whole with IndexedDB itself (not the app's code). */
function auditTable(rows?: AuditEntry[]): Promise<AuditEntry[]> {
  return app.page.evaluate(async (replace) => {
    const open = indexedDB.open('council-desk');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('audit', replace ? 'readwrite' : 'readonly');
    const store = tx.objectStore('audit');
    if (replace) {
      store.clear();
      for (const row of replace) store.add(row);
    }
    const all = store.getAll();
    const rowsRead: AuditEntry[] = await new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(all.result as AuditEntry[]);
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return rowsRead;
  }, rows ?? null);
}

const witnessLines = () => {
  try {
    return readFileSync(path.join(app.userDataDir, 'audit-witness.ndjson'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { sequence: number; hash: string; at: string });
  } catch {
    return [];
  }
};

describe('the audit witness', () => {
  it("holds a vote's hash in the user-data folder once the vote is cast", async () => {
    await loadDemoCouncil(app.page);
    await openMeetingWith(app.page, [DEMO_VOTE.caseId]);
    await playVoteScene(app.page, DEMO_VOTE);
    const vote = (await auditTable()).filter((e) => e.entity === 'vote').at(-1)!;
    await expect.poll(() => witnessLines().find((w) => w.sequence === vote.sequence)?.hash, { timeout: 15_000 }).toBe(vote.hash);
    const sequences = witnessLines().map((w) => w.sequence);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
  });

  it('shows the log rewritten as a whole (every hash recomputed) once the app is started again', async () => {
    await expect.poll(async () => witnessLines().length, { timeout: 15_000 }).toBe((await auditTable()).length);
    const rows = (await auditTable()).sort((a, b) => a.sequence - b.sequence);
    const changed = 2;
    let prevHash: string | null = null;
    const rewritten = rows.map((row) => {
      const { sequence, hash: _old, ...body } = row;
      const next = { ...body, prevHash, detail: sequence === changed ? { ...body.detail, note: 'written afterwards' } : body.detail };
      const hash = createHash('sha256').update(canonicalize(next)!).digest('hex');
      prevHash = hash;
      return { ...next, sequence, hash };
    });
    await auditTable(rewritten);

    const page = await app.reopen();
    const notice = page.getByTestId('audit-rewritten-notice');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^감사 기록 다시 쓰임: ${changed}번 항목 \\(.+ 증인 기록\\)$`));
    // The chain itself checks: on the Decisions screen intact, and against the witness rewritten.
    await notice.click();
    await expect.poll(() => page.getByTestId('audit-status').textContent(), { timeout: 15_000 }).toContain('이상 없음');
    expect(await page.getByTestId('audit-witness').textContent()).toContain(`${changed}번 항목의 해시가`);
    expect(await page.getByTestId('audit-broken-notice').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
