/**
 * Issue 12, item 10: one decision file of 10,000 decisions signed and written through the notary
 * (the schema, every recount, the ledger, the kept copy, the outbox write, its read-back and
 * verification) against the floor measured in the same run: RFC 8785 canonicalisation, the Ed25519
 * signature, and the write and fsync of the same file. Alternating runs, medians compared; target:
 * at most 1.5x. Beside it, the notary's checks timed alone on the same payload.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJsonBytes } from '../../shared/canonical-json';
import { fastDecisionPayload } from '../../shared/decisions/decision-file-fast-check';
import { decisionFilePayloadSchema, type DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../shared/decisions/payload-check';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { signBody } from '../../electron/services/dsse-signing';
import { generateKeyPair, type KeyPair } from '../../electron/services/keys';
import { samplePayload } from '../support/decision-payloads';
import { disposeNotaryKits, notaryKit } from '../support/notary-kit';
import type { Figure } from './bench-node';
import { median } from './bench-meeting';

const DECISIONS = 10_000;
const TARGET = 1.5;

/** What any signed decision file costs: canonicalise, sign, write and fsync; the bytes written. */
async function floorRun(payload: DecisionFilePayload, pair: KeyPair, dir: string): Promise<{ ms: number; bytes: number }> {
  const privateKey = createPrivateKey(pair.privateKeyPem);
  const started = performance.now();
  const body = canonicalJsonBytes(payload);
  const envelope = signBody(PAYLOAD_TYPE_DECISIONS, body, { keyid: pair.keyid, sign: (m) => sign(null, m, privateKey) });
  const bytes = new TextEncoder().encode(`${JSON.stringify(envelope, null, 2)}\n`);
  const file = await open(join(dir, `${payload.meeting.meetingId}.dsse.json`), 'wx');
  await file.writeFile(bytes);
  await file.sync();
  await file.close();
  return { ms: performance.now() - started, bytes: bytes.length };
}

async function notaryRun(payload: DecisionFilePayload, pair: KeyPair, dir: string): Promise<number> {
  const root = mkdtempSync(join(dir, 'notary-'));
  mkdirSync(join(root, 'sync'));
  const kit = notaryKit({ root, pair });
  try {
    await kit.service.resumed;
    const started = performance.now();
    const result = await kit.handlers.exportDecisions({ payload });
    const ms = performance.now() - started;
    if (result.state !== 'written') throw new Error(`the notary answered ${result.state}`);
    await kit.service.settled(); // its bookkeeping, untimed, is not left to the next run
    return ms;
  } finally {
    kit.service.stop();
  }
}

/** The notary's checks alone: the fast schema check it runs, zod's schema it falls back on, and the recounts. */
function checksRun(payload: DecisionFilePayload): { fastMs: number; parseMs: number; checkMs: number } {
  const started = performance.now();
  const fast = fastDecisionPayload(payload);
  const fastAt = performance.now();
  if (fast === null) throw new Error('the fast check is not sure of the sample payload: the notary would take zod\'s way');
  const parsed = decisionFilePayloadSchema.parse(payload);
  const parsedAt = performance.now();
  const problems = checkDecisionPayload(parsed);
  if (problems.length > 0) throw new Error(`the sample payload has problems: ${problems[0]!.message}`);
  return { fastMs: fastAt - started, parseMs: parsedAt - fastAt, checkMs: performance.now() - parsedAt };
}

export async function decisionFileFigures(runs: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-decisions-'));
  try {
    const pair = generateKeyPair();
    const payloadFor = (run: string) => samplePayload({ decisions: DECISIONS, keyid: pair.keyid, meetingId: `bench-${run}` });
    // warm up both ways once, untimed
    await floorRun(payloadFor('warm-floor'), pair, dir);
    await notaryRun(payloadFor('warm-notary'), pair, dir);
    const app: number[] = [];
    const floor: number[] = [];
    const fastCheck: number[] = [];
    const parse: number[] = [];
    const check: number[] = [];
    let fileBytes = 0;
    for (let i = 0; i < runs; i += 1) {
      const payload = payloadFor(String(i));
      const doFloor = async () => {
        const f = await floorRun(payload, pair, dir);
        floor.push(f.ms);
        fileBytes = f.bytes;
      };
      const doApp = async () => {
        app.push(await notaryRun(payload, pair, dir));
      };
      if (i % 2 === 0) {
        await doFloor();
        await doApp();
      } else {
        await doApp();
        await doFloor();
      }
      const c = checksRun(payload);
      fastCheck.push(c.fastMs);
      parse.push(c.parseMs);
      check.push(c.checkMs);
    }
    const appMs = median(app);
    const floorMs = median(floor);
    const ratio = appMs / floorMs;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const list = (values: number[]) => `[${values.map((v) => v.toFixed(0)).join(', ')}]`;
    return [
      {
        name: `one decision file of ${DECISIONS.toLocaleString('en')} decisions signed and written through the notary, checks included (median of ${runs})`,
        value: Math.round(ratio * 100) / 100,
        unit: 'x floor',
        target: `<= ${TARGET}x canonicalize + Ed25519 + write + fsync`,
        baseline:
          `notary ${ms(appMs)} vs the floor ${ms(floorMs)} (RFC 8785 canonicalisation, the Ed25519 signature, the write and fsync of the same ${(fileBytes / 1e6).toFixed(1)} MB file); ` +
          `of the notary's time, timed apart: the decisions schema's fast check ${ms(median(fastCheck))} (zod's schema, its fallback, ${ms(median(parse))}), the recounts and award rules ${ms(median(check))}; ` +
          `runs notary ${list(app)} floor ${list(floor)} ms`,
        pass: ratio <= TARGET,
      },
    ];
  } finally {
    await disposeNotaryKits();
    rmSync(dir, { recursive: true, force: true });
  }
}
