/**
 * council-desk verify on a minutes attestation (FORMATS.md, "Minutes attestation", "Command
 * line"): the signature by a key trusted as secretary, strict canonical JSON of the schema, each
 * listed file in the attestation's folder (or --folder DIR) against its SHA-256, each listed
 * decision file found in --folder, beside it or in ../outbox/ against its payload SHA-256, and the
 * totals recounted when all are found; one NDJSON line per file with --json; exit 0 when all
 * verify, 1 when one does not, 2 for wrong usage.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { decisionFileName } from '../../shared/decisions/decision-file-name';
import type { DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { PAYLOAD_TYPE_DECISIONS, PAYLOAD_TYPE_MINUTES } from '../../shared/dsse';
import type { MinutesAttestation } from '../../shared/minutes/attestation-schema';
import { totalsAtHighestRevision } from '../../shared/minutes/highest-revision';
import { sha256Hex } from '../../shared/sha256';
import { signBody } from '../../electron/services/dsse-signing';
import { samplePayload } from '../support/decision-payloads';
import { envelopeText, makeSigner, payloadChain, payloadSha256, writeDecisionFile, type TestSigner } from '../support/signed-decision-file';
import { cli, type CliRun } from './fixtures/cli-harness';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-cli-verify-minutes-');
const chair = makeSigner('의장 정한결', ['chair']);
const secretary = makeSigner('간사 윤하늘', ['secretary']);
const trustPath = join(dir, 'trust.json');
writeFileSync(trustPath, JSON.stringify({ keys: [chair.trusted, secretary.trusted] }));
const secretaryPem = join(dir, 'secretary.pub.pem');
writeFileSync(secretaryPem, secretary.publicKeyPem);

const MEETING = '2023-03-02';
const ATTESTATION = `minutes-${MEETING}.dsse.json`;
const FILES: Record<string, string> = {
  [`minutes-${MEETING}-ko.pdf`]: '%PDF-1.7 회의록\n%%EOF\n',
  [`minutes-${MEETING}-en.pdf`]: '%PDF-1.7 minutes\n%%EOF\n',
  [`payments-${MEETING}.csv`]: '\uFEFFcaseId,award\r\n1015-000001,30000\r\n',
};

let sets = 0;

interface MinutesSet {
  /** A sync folder's stand-in: minutes/ and outbox/. */
  root: string;
  minutes: string;
  outbox: string;
  chain: DecisionFilePayload[];
  payload: MinutesAttestation;
  /** Signs `payload` (default: the right one) into `folder` (default: minutes/) as `name`; its path. */
  write(opts?: { payload?: unknown; name?: string; folder?: string; signer?: TestSigner }): string;
}

/** Minutes files, two decision files in the outbox, and the attestation that lists them all. */
function minutesSet(opts: { filesIn?: 'minutes' | 'elsewhere' } = {}): MinutesSet {
  const root = join(dir, `set-${(sets += 1)}`);
  const minutes = join(root, 'minutes');
  const outbox = join(root, 'outbox');
  const filesDir = opts.filesIn === 'elsewhere' ? join(root, 'elsewhere') : minutes;
  for (const d of [minutes, outbox, filesDir]) mkdirSync(d, { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(filesDir, name), text);
  const chain = payloadChain(2, { keyid: chair.keyid });
  for (const p of chain) writeDecisionFile(outbox, p, chair.privateKeyPem);
  const payload: MinutesAttestation = {
    format: 'council-desk/minutes',
    version: 1,
    council: 'Kakao 1015 damage support council',
    meetingId: MEETING,
    files: Object.fromEntries(Object.entries(FILES).map(([name, text]) => [name, sha256Hex(text)])),
    decisionFiles: Object.fromEntries(chain.map((p) => [decisionFileName(MEETING, p.sequence), payloadSha256(p)])),
    totals: totalsAtHighestRevision(chain.map((p) => ({ fileName: decisionFileName(MEETING, p.sequence), payloadSha256: payloadSha256(p), payload: p }))),
    signer: { memberId: 's1', name: '윤하늘', role: 'secretary', keyid: secretary.keyid },
    createdAt: '2023-03-02T18:00:00+09:00',
  };
  const write: MinutesSet['write'] = (w = {}) => {
    const path = join(w.folder ?? minutes, w.name ?? ATTESTATION);
    writeFileSync(path, envelopeText(PAYLOAD_TYPE_MINUTES, w.payload ?? payload, (w.signer ?? secretary).privateKeyPem));
    return path;
  };
  return { root, minutes, outbox, chain, payload, write };
}

/** An envelope over exactly these payload bytes, signed by the secretary. */
function envelopeOfBody(body: string): string {
  const key = createPrivateKey(secretary.privateKeyPem);
  return JSON.stringify(signBody(PAYLOAD_TYPE_MINUTES, new TextEncoder().encode(body), { keyid: secretary.keyid, sign: (m) => new Uint8Array(sign(null, m, key)) }));
}

function lines(run: CliRun): Record<string, any>[] {
  expect(run.stdout.endsWith('\n')).toBe(true);
  return run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
}

const verifyJson = (files: string[], ...more: string[]) => cli(['verify', ...files, '--trust', trustPath, '--json', ...more]);
const codes = (line: Record<string, any>) => line.errors.map((e: { code: string }) => e.code);

describe('verify, a minutes attestation', () => {
  it('exits 0 for an attestation whose files and decision files are all there, with the --json line in the shape of FORMATS.md', async () => {
    const set = minutesSet();
    const path = set.write();
    const r = await verifyJson([path]);
    expect(r.status).toBe(0);
    const [line] = lines(r);
    expect(Object.keys(line!).slice(0, 6)).toEqual(['valid', 'payloadType', 'keyid', 'signer', 'summary', 'errors']);
    expect(line).toEqual({
      valid: true,
      payloadType: PAYLOAD_TYPE_MINUTES,
      keyid: secretary.keyid,
      signer: set.payload.signer,
      summary: {
        meetingId: MEETING,
        council: set.payload.council,
        createdAt: set.payload.createdAt,
        payloadSha256: sha256Hex(canonicalJson(set.payload)),
        folder: set.minutes,
        files: Object.keys(FILES)
          .sort()
          .map((name) => ({ name, sha256: set.payload.files[name], status: 'matches' })),
        decisionFiles: set.chain.map((p) => ({ name: decisionFileName(MEETING, p.sequence), payloadSha256: payloadSha256(p), status: 'matches', path: join(set.outbox, decisionFileName(MEETING, p.sequence)) })),
        totals: { decisions: 6, awarded: 4, rejected: 2, deferred: 0, amount: 2 * (30_000 + 50_000) },
        totalsRecounted: true,
        signer: set.payload.signer,
      },
      errors: [],
      kind: 'minutes',
      file: path,
      verifiedBy: { keyid: secretary.keyid, name: '간사 윤하늘' },
      warnings: [],
    });
  });

  it('prints one line per file named, a decision file beside a minutes attestation, and accepts --key', async () => {
    const set = minutesSet();
    const path = set.write();
    const decision = join(set.outbox, decisionFileName(MEETING, 1));
    const r = await verifyJson([decision, path]);
    expect(r.status).toBe(0);
    expect(lines(r).map((l) => [l.kind, l.payloadType])).toEqual([
      ['decisions', PAYLOAD_TYPE_DECISIONS],
      ['minutes', PAYLOAD_TYPE_MINUTES],
    ]);
    const byKey = await cli(['verify', path, '--key', secretaryPem]);
    expect(byKey.status).toBe(0);
    expect(byKey.stdout).toContain(`${path}: VERIFIED`);
    expect(byKey.stdout).toContain(`minutes attestation: meeting ${MEETING}, 3 files, 2 decision files (totals recounted from them)`);
    expect(byKey.stdout).toContain(`    payments-${MEETING}.csv: matches`);
  });

  it('checks the listed files in --folder DIR when they are not beside the attestation', async () => {
    const set = minutesSet({ filesIn: 'elsewhere' });
    const path = set.write();
    const beside = await verifyJson([path]);
    expect(beside.status).toBe(1);
    expect(codes(lines(beside)[0]!)).toEqual(['MINUTES_LISTED_FILE_MISSING', 'MINUTES_LISTED_FILE_MISSING', 'MINUTES_LISTED_FILE_MISSING']);
    expect(lines(beside)[0]!.errors[0]).toMatchObject({ file: path, path: `files["minutes-${MEETING}-en.pdf"]`, message: `lists ${join(set.minutes, `minutes-${MEETING}-en.pdf`)}, which is not there` });
    const elsewhere = join(set.root, 'elsewhere');
    const there = await verifyJson([path], '--folder', elsewhere);
    expect(there.status).toBe(0);
    expect(lines(there)[0]!.summary).toMatchObject({ folder: elsewhere, totalsRecounted: true });
  });

  it('exits 2 for wrong usage: no trust given, or a --folder that is not there', async () => {
    const path = minutesSet().write();
    const noTrust = await cli(['verify', path]);
    expect(noTrust.status).toBe(2);
    const noFolder = await verifyJson([path], '--folder', join(dir, 'no-such-folder'));
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toContain('--folder');
  });

  it('fails when a listed decision file is not the one attested, and warns when one is nowhere to be found', async () => {
    const set = minutesSet();
    const path = set.write();
    const second = decisionFileName(MEETING, 2);
    const other = samplePayload({ keyid: chair.keyid, sequence: 2, previous: payloadSha256(set.chain[0]), firstCase: 50 });
    writeDecisionFile(set.outbox, other, chair.privateKeyPem);
    const changed = lines(await verifyJson([path]))[0]!;
    expect(changed.valid).toBe(false);
    expect(changed.errors).toEqual([
      expect.objectContaining({ code: 'MINUTES_DECISION_FILE_CHANGED', path: `decisionFiles["${second}"]`, message: expect.stringContaining(join(set.outbox, second)) }),
    ]);
    expect(changed.summary.totalsRecounted).toBe(false);

    // --folder is looked in first: the attested file there is the one checked
    const kept = join(set.root, 'kept');
    writeDecisionFile(kept, set.chain[1]!, chair.privateKeyPem);
    for (const name of Object.keys(FILES)) writeFileSync(join(kept, name), FILES[name]!);
    const found = await verifyJson([path], '--folder', kept);
    expect(found.status).toBe(0);
    expect(lines(found)[0]!.summary.decisionFiles.map((d: { path: string }) => d.path)).toEqual([join(set.outbox, decisionFileName(MEETING, 1)), join(kept, second)]);

    // an attestation carried without the sync folder: its files beside it, no outbox
    const bare = minutesSet();
    const withoutOutbox = join(bare.root, 'carried', 'bare');
    mkdirSync(withoutOutbox, { recursive: true });
    for (const name of Object.keys(FILES)) writeFileSync(join(withoutOutbox, name), FILES[name]!);
    const r = await verifyJson([bare.write({ folder: withoutOutbox })]);
    expect(r.status).toBe(0);
    const [line] = lines(r);
    expect(line!.warnings.map((w: { code: string; path: string }) => [w.code, w.path])).toEqual([
      ['MINUTES_DECISION_FILE_NOT_FOUND', `decisionFiles["${decisionFileName(MEETING, 1)}"]`],
      ['MINUTES_DECISION_FILE_NOT_FOUND', `decisionFiles["${second}"]`],
    ]);
    expect(line!.summary.totalsRecounted).toBe(false);
  });

  it('recounts the totals from the decision files, each case at its highest revision', async () => {
    const set = minutesSet();
    const path = set.write({ payload: { ...set.payload, totals: { ...set.payload.totals, awarded: 3, rejected: 3, amount: 130_000 } } });
    const [line] = lines(await verifyJson([path]));
    expect(line!.valid).toBe(false);
    expect(line!.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      ['totals.awarded', 'says awarded 3, but the decision files it lists, each case at its highest revision, give 4'],
      ['totals.rejected', 'says rejected 3, but the decision files it lists, each case at its highest revision, give 2'],
      ['totals.amount', 'says amount 130000, but the decision files it lists, each case at its highest revision, give 160000'],
    ]);
  });

  it('is known by its payload type under any name, and then must keep its own name', async () => {
    const set = minutesSet();
    const path = set.write({ name: 'renamed.dsse.json' });
    const [line] = lines(await verifyJson([path]));
    expect(line).toMatchObject({ kind: 'minutes', payloadType: PAYLOAD_TYPE_MINUTES, valid: false });
    expect(line!.errors).toEqual([expect.objectContaining({ code: 'MINUTES_FILE_NAME', message: `is named renamed.dsse.json, but its signed content is for the file ${ATTESTATION}: a minutes attestation keeps the name of its meeting` })]);
  });

  it('refuses a signature by the chair, a payload that is not its RFC 8785 form or holds a key twice, and a listed name that is a path or "__proto__"', async () => {
    const set = minutesSet();
    const byChair = lines(await verifyJson([set.write({ signer: chair })]))[0]!;
    expect(codes(byChair)).toEqual(['MINUTES_SIGNER_ROLE_NOT_ALLOWED']);

    const canonical = canonicalJson(set.payload);
    const path = join(set.minutes, ATTESTATION);
    writeFileSync(path, envelopeOfBody(JSON.stringify(set.payload)));
    expect(codes(lines(await verifyJson([path]))[0]!)).toEqual(['MINUTES_PAYLOAD_NOT_CANONICAL']);
    writeFileSync(path, envelopeOfBody(canonical.replace('{"council":', '{"council":"x","council":')));
    expect(codes(lines(await verifyJson([path]))[0]!)).toEqual(['MINUTES_PAYLOAD_DUPLICATE_KEY']);

    const hash = set.payload.files[`payments-${MEETING}.csv`]!;
    writeFileSync(path, envelopeOfBody(canonical.replace('"files":{', `"files":{"../trust.json":"${hash}","__proto__":"${hash}",`)));
    const [line] = lines(await verifyJson([path]));
    expect(line!.valid).toBe(false);
    expect(line!.errors.map((e: { path: string }) => e.path)).toEqual(['files["../trust.json"]', 'files.__proto__']);
  });

  it('refuses an attestation whose decision files skip a sequence or belong to another meeting', async () => {
    const set = minutesSet();
    const hash = payloadSha256(set.chain[0]);
    const payload = { ...set.payload, decisionFiles: { [decisionFileName(MEETING, 1)]: hash, [decisionFileName(MEETING, 3)]: hash, [decisionFileName('other', 2)]: hash } };
    const [line] = lines(await verifyJson([set.write({ payload })]));
    expect(line!.valid).toBe(false);
    expect(line!.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      [`decisionFiles["${decisionFileName('other', 2)}"]`, `is a decision file of meeting other, not of meeting ${MEETING}`],
      ['decisionFiles', `lists 2 decision files of the meeting, but not sequence 2: the meeting's files run 1, 2, 3 … without a gap`],
    ]);
  });
});
