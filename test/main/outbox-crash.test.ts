/**
 * A crash at any step of writing a decision file (issue 12, item 9): a child process exporting is
 * killed with SIGKILL at each step, from the kept copy to the folder's fsync. outbox/ then holds no
 * decision file or the whole verified one, never a part; and the notary started again writes what
 * the ledger holds as queued (or, killed before the ledger recorded it, signs it afresh).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../electron/services/keys';
import type { ExportStep } from '../../electron/services/notary/notary-handlers';
import { samplePayload } from '../support/decision-payloads';
import { notaryKit, verifiedPayload } from '../support/notary-kit';

const FILE = 'decisions-2023-03-02-0001.dsse.json';
const STEPS: ExportStep[] = ['kept', 'recorded', 'created', 'written', 'synced', 'named', 'folder-synced'];
const dir = mkdtempSync(join(tmpdir(), 'cd-outbox-crash-'));
const child = join(dir, 'notary-crash-child.cjs');

beforeAll(async () => {
  await build({ entryPoints: [join(__dirname, 'fixtures/notary-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
}, 60_000);

function names(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

describe('a crash while a decision file is written', () => {
  it.each(STEPS)('killed at %s: no partial file in outbox/, and the restarted notary writes it', async (step) => {
    const root = mkdtempSync(join(dir, `${step}-`));
    mkdirSync(join(root, 'sync'));
    const pair = generateKeyPair();
    writeFileSync(join(root, 'pair.json'), JSON.stringify(pair));
    const run = spawnSync(process.execPath, [child, root, step], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.signal).toBe('SIGKILL');

    const outbox = join(root, 'sync', 'outbox');
    const named = step === 'named' || step === 'folder-synced';
    const files = names(outbox).filter((n) => !n.startsWith('.'));
    expect(files).toEqual(named ? [FILE] : []);
    const payload = samplePayload({ keyid: pair.keyid });
    if (named) expect(verifiedPayload(join(outbox, FILE), pair.publicKeyPem)).toEqual(payload);
    // what the crash left: a temporary file in outbox/ from the moment it was made
    const temps = names(outbox).filter((n) => n.startsWith('.decisions-'));
    expect(temps).toHaveLength(step === 'kept' || step === 'recorded' ? 0 : 1);
    const ledgerFile = join(root, 'user-data', 'notary', 'ledger.json');
    const ledger = JSON.parse(existsSync(ledgerFile) ? readFileSync(ledgerFile, 'utf8') : 'null') as { meetings: { files: { state: string }[] }[] } | null;
    expect(ledger?.meetings[0]?.files.map((f) => f.state) ?? []).toEqual(step === 'kept' ? [] : ['queued']);

    const after = notaryKit({ root, pair });
    await after.service.resumed;
    if (step === 'kept') {
      // never recorded, so never released: the sequence is still free and the kept copy is gone
      expect(await after.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).toMatchObject({ lastSequence: 0 });
      expect(names(join(root, 'user-data', 'notary', 'pending'))).toEqual([]);
      await expect(after.handlers.exportDecisions({ payload: after.payload() })).resolves.toMatchObject({ state: 'written', existed: false });
    }
    expect(names(outbox)).toEqual([FILE]); // the temporary files are gone too
    expect(after.verified(join(outbox, FILE))).toEqual(payload);
    expect((await after.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).files).toMatchObject([{ sequence: 1, state: 'written' }]);
    expect(await after.handlers.getOutboxStatus(undefined)).toMatchObject({ available: true, queued: [], lastError: null });
    expect(names(join(root, 'user-data', 'notary', 'pending'))).toEqual([]);
    after.service.stop();
  });
});
