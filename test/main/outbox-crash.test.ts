/**
 * A crash at any step of writing a decision file (issue 12, item 9): a child process exporting is
 * killed with SIGKILL at each step, from the kept copy to the folder's fsync, both ways a file gets
 * into the outbox (a link from its kept copy on one file system, a copy across two). outbox/ then
 * holds no decision file or the whole verified one, never a part; and the notary started again
 * writes what the ledger holds as queued (or, killed before the ledger recorded it, signs it anew).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../electron/services/keys';
import type { ExportStep } from '../../electron/services/notary/notary-handlers';
import { samplePayload } from '../support/decision-payloads';
import { acrossFileSystems, disposeNotaryKits, notaryKit, verifiedPayload } from '../support/notary-kit';

const FILE = 'decisions-2023-03-02-0001.dsse.json';
const WAYS: { way: 'link' | 'copy'; steps: ExportStep[] }[] = [
  { way: 'link', steps: ['kept', 'recorded', 'named', 'folder-synced'] },
  { way: 'copy', steps: ['kept', 'recorded', 'created', 'written', 'synced', 'named', 'folder-synced'] },
];
const CASES = WAYS.flatMap(({ way, steps }) => steps.map((step) => ({ way, step })));
const dir = mkdtempSync(join(tmpdir(), 'cd-outbox-crash-'));
const child = join(dir, 'notary-crash-child.cjs');

beforeAll(async () => {
  await build({ entryPoints: [join(__dirname, 'fixtures/notary-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
}, 60_000);
afterAll(async () => {
  await disposeNotaryKits();
  rmSync(dir, { recursive: true, force: true });
});

function names(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function ledgerStates(root: string): string[] {
  const file = join(root, 'user-data', 'notary', 'ledger.json');
  if (!existsSync(file)) return [];
  const ledger = JSON.parse(readFileSync(file, 'utf8')) as { meetings: { files: { state: string }[] }[] };
  return ledger.meetings.flatMap((m) => m.files.map((f) => f.state));
}

describe('a crash while a decision file is written', () => {
  it.each(CASES)('killed at $step ($way): no partial file in outbox/, and the restarted notary writes it', async ({ way, step }) => {
    const root = mkdtempSync(join(dir, `${way}-${step}-`));
    mkdirSync(join(root, 'sync'));
    const pair = generateKeyPair();
    writeFileSync(join(root, 'pair.json'), JSON.stringify(pair));
    const run = spawnSync(process.execPath, [child, root, step, way], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.signal).toBe('SIGKILL');

    const outbox = join(root, 'sync', 'outbox');
    const payload = samplePayload({ keyid: pair.keyid });
    const named = step === 'named' || step === 'folder-synced';
    expect(names(outbox).filter((n) => !n.startsWith('.'))).toEqual(named ? [FILE] : []);
    if (named) expect(verifiedPayload(join(outbox, FILE), pair.publicKeyPem)).toEqual(payload);
    // what the crash left of a copy: its temporary file, from the moment it was made
    const copying = way === 'copy' && step !== 'kept' && step !== 'recorded';
    expect(names(outbox).filter((n) => n.startsWith('.decisions-'))).toHaveLength(copying ? 1 : 0);
    expect(ledgerStates(root)).toEqual(step === 'kept' ? [] : ['queued']);

    const after = notaryKit({ root, pair, link: way === 'copy' ? acrossFileSystems : undefined });
    await after.service.resumed;
    if (step === 'kept') {
      // never recorded, so never released: the sequence is still free and the kept copy is gone
      expect(await after.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).toMatchObject({ lastSequence: 0 });
      expect(names(join(root, 'user-data', 'notary', 'pending'))).toEqual([]);
      await expect(after.handlers.exportDecisions({ payload })).resolves.toMatchObject({ state: 'written', existed: false });
      await after.service.settled();
    }
    expect(names(outbox)).toEqual([FILE]); // the temporary files are gone too
    expect(after.verified(join(outbox, FILE))).toEqual(payload);
    expect(ledgerStates(root)).toEqual(['written']);
    expect(await after.handlers.getOutboxStatus(undefined)).toMatchObject({ available: true, queued: [], lastError: null });
    expect(names(join(root, 'user-data', 'notary', 'pending'))).toEqual([]);
    after.service.stop();
  });
});
