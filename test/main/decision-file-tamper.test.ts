/**
 * Tampering never goes unnoticed: every byte of a decision file changed, one at a time (three ways
 * each way in turn), and every field of its payload changed or removed (the signature kept, or signed
 * again by a key not trusted), is caught by `council-desk verify` and by the inbox listing; never valid, never merged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { decisionFileName } from '../../shared/decisions/decision-file-name';
import type { DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { listInboxDecisions } from '../../electron/services/decision-files/inbox-decisions';
import { samplePayload } from '../support/decision-payloads';
import { decisionEnvelopeText, makeSigner } from '../support/signed-decision-file';
import { cli } from './fixtures/cli-harness';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-decision-tamper-');
const chair = makeSigner();
const stranger = makeSigner('낯선 키');
const trustPath = join(dir, 'trust.json');
writeFileSync(trustPath, JSON.stringify({ keys: [chair.trusted] }));

// Every kind of decision (award, case-by-case award, reject, defer, recusal, a member who did not vote).
const payload = samplePayload({ keyid: chair.keyid, decisions: 5 });
const name = decisionFileName(payload.meeting.meetingId, payload.sequence);
const original = Buffer.from(decisionEnvelopeText(payload, chair.privateKeyPem));
// A smaller file of the same meeting and sequence for the byte flips (one verification each): every field type is in it.
const small = Buffer.from(decisionEnvelopeText(samplePayload({ keyid: chair.keyid, decisions: 2 }), chair.privateKeyPem));

const sync = join(dir, 'sync');
const inboxFile = join(sync, 'inbox', name);
mkdirSync(join(sync, 'inbox'), { recursive: true });

interface Variant {
  label: string;
  bytes: Uint8Array;
}

const BATCH = 200;

/**
 * The variants that verify or the inbox did not catch, each with what they said. verify runs on a
 * batch of files at a time (each in a folder of its own, under the meeting's file name); the inbox
 * lists each alone.
 */
async function notCaught(variants: readonly Variant[]): Promise<string[]> {
  const missed: string[] = [];
  for (let start = 0; start < variants.length; start += BATCH) {
    const batch = variants.slice(start, start + BATCH);
    const files = batch.map((v, i) => {
      const at = join(dir, 'verify', String(i));
      mkdirSync(at, { recursive: true });
      writeFileSync(join(at, name), v.bytes);
      return join(at, name);
    });
    const r = await cli(['verify', ...files, '--trust', trustPath, '--json']);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { valid: boolean });
    expect(lines).toHaveLength(batch.length);
    for (const [i, v] of batch.entries()) {
      writeFileSync(inboxFile, v.bytes);
      const [listed, ...more] = await listInboxDecisions(sync, [chair.trusted]);
      if (lines[i]!.valid || listed?.status !== 'failed' || listed.payload !== null || more.length > 0) {
        missed.push(`${v.label}: verify ${lines[i]!.valid ? 'valid' : 'invalid'}, inbox ${listed?.status} with${listed?.payload ? '' : 'out'} payload`);
      }
    }
    if (lines.every((l) => !l.valid) && r.status !== 1) missed.push(`verify exited ${r.status} though no file verified`);
  }
  return missed;
}

describe('a decision file with one byte changed', () => {
  it('verifies untouched, in verify and the inbox (the baseline)', async () => {
    expect(await notCaught([{ label: 'untouched', bytes: original }])).toEqual(['untouched: verify valid, inbox verified with payload']);
    expect(await notCaught([{ label: 'small', bytes: small }])).toEqual(['small: verify valid, inbox verified with payload']);
  });

  it('is caught at every byte, the bit flipped taking turns (low bit, letter case, high bit)', async () => {
    const masks = [0x01, 0x20, 0x80];
    const variants = Array.from(small, (_, at) => {
      const bytes = Buffer.from(small);
      bytes[at]! ^= masks[at % 3]!;
      return { label: `byte ${at} ^ 0x${masks[at % 3]!.toString(16)}`, bytes };
    });
    expect(await notCaught(variants)).toEqual([]);
  }, 300_000);
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in `value` (objects, arrays and leaves alike, the root left out). */
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, v]) => [[...at, key], ...pathsOf(v, [...at, key])]);
}

/** The payload with the value at `path` changed (a leaf) or removed (anything). */
function changedAt(path: (string | number)[], how: 'change' | 'remove'): Json {
  const copy = JSON.parse(JSON.stringify(payload)) as Json;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const key = path.at(-1)!;
  if (how === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return copy;
  }
  const v = parent[key]!;
  parent[key] = v === null ? 0 : typeof v === 'boolean' ? !v : typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}x` : Array.isArray(v) ? [...v, 'x'] : { ...v, x: 1 };
  return copy;
}

describe('a decision file with a field of its payload changed', () => {
  const paths = pathsOf(payload as unknown as Json);
  const isLeaf = (p: (string | number)[]) => !paths.some((q) => q.length === p.length + 1 && p.every((k, i) => q[i] === k));
  const variantsOfFields = [...paths.filter(isLeaf).map((p) => ({ p, how: 'change' as const })), ...paths.map((p) => ({ p, how: 'remove' as const }))];

  it('covers every field of the payload', () => {
    expect(paths.filter(isLeaf).length).toBeGreaterThan(150);
    for (const field of ['council', 'meeting.rules.tie', 'decisions.3.votes.2.reason', 'decisions.4.award', 'totals.amount', 'auditHead', 'signer.keyid', 'createdAt']) {
      expect(paths.some((p) => p.join('.') === field), field).toBe(true);
    }
  });

  it('is caught with the signature kept, and signed again by a key not trusted', async () => {
    const envelope = JSON.parse(original.toString('utf8'));
    const variants = variantsOfFields.flatMap(({ p, how }) => {
      const changed = changedAt(p, how) as unknown as DecisionFilePayload;
      const kept = JSON.stringify({ ...envelope, payload: Buffer.from(canonicalJson(changed)).toString('base64') });
      const resigned = decisionEnvelopeText(changed, stranger.privateKeyPem).replace(stranger.keyid, chair.keyid);
      return [
        { label: `${how} ${p.join('.')} (signature kept)`, bytes: Buffer.from(kept) },
        { label: `${how} ${p.join('.')} (signed again, not by the chair)`, bytes: Buffer.from(resigned) },
      ];
    });
    expect(await notCaught(variants)).toEqual([]);
  }, 300_000);
});
