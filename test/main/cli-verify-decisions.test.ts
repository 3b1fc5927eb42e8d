/**
 * council-desk verify FILE... on decision files, as FORMATS.md says: the signature by a key
 * trusted as chair, the full schema, every tally recounted, the totals, and each meeting's chain
 * across the files named (sequence without gaps, `previous`); one NDJSON line per file with
 * --json; exit 0 when all verify, 1 when one does not, 2 for wrong usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { samplePayload } from '../support/decision-payloads';
import { decisionEnvelopeText, makeSigner, payloadChain, payloadSha256, writeDecisionFile } from '../support/signed-decision-file';
import { cli, type CliRun } from './fixtures/cli-harness';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-cli-verify-decisions-');
const chair = makeSigner('의장 정한결', ['chair']);
const secretary = makeSigner('간사 윤하늘', ['secretary']);
const trustPath = join(dir, 'trust.json');
writeFileSync(trustPath, JSON.stringify({ keys: [chair.trusted, secretary.trusted] }));

let folders = 0;
/** A folder of its own for each set of files (file names are the meetings' own). */
const folder = () => join(dir, `set-${(folders += 1)}`);

/** The NDJSON lines of a --json run, one object a line. */
function lines(run: CliRun): Record<string, any>[] {
  expect(run.stdout.endsWith('\n')).toBe(true);
  return run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
}

const verifyJson = (files: string[]) => cli(['verify', ...files, '--trust', trustPath, '--json']);
const codes = (line: Record<string, any>) => line.errors.map((e: { code: string }) => e.code);

describe('verify, one decision file', () => {
  it('exits 0 for a file made as the app makes it, with the --json line in the shape of FORMATS.md', async () => {
    const payload = samplePayload({ keyid: chair.keyid, decisions: 5 });
    const file = writeDecisionFile(folder(), payload, chair.privateKeyPem);
    const r = await verifyJson([file]);
    expect(r.status).toBe(0);
    expect(lines(r)).toHaveLength(1);
    const [line] = lines(r);
    expect(Object.keys(line!).slice(0, 6)).toEqual(['valid', 'payloadType', 'keyid', 'signer', 'summary', 'errors']);
    expect(line).toMatchObject({
      valid: true,
      payloadType: PAYLOAD_TYPE_DECISIONS,
      keyid: chair.keyid,
      signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: chair.keyid },
      summary: {
        meetingId: '2023-03-02',
        sequence: 1,
        previous: null,
        payloadSha256: payloadSha256(payload),
        decisions: 5,
        totals: { decisions: 5, awarded: 3, rejected: 1, deferred: 1, amount: 480_000 },
        chain: 'first',
      },
      errors: [],
      file,
      verifiedBy: { keyid: chair.keyid, name: '의장 정한결' },
    });
  });

  it('recounts every tally and the totals, and checks the awards: a file signed by the chair but wrong by the rules is invalid', async () => {
    const wrongTally = samplePayload({ keyid: chair.keyid, meetingId: 'tally' });
    wrongTally.decisions[0]!.tally.approve += 1;
    const aboveClaim = samplePayload({ keyid: chair.keyid, meetingId: 'claim' });
    const d = aboveClaim.decisions[1]!;
    d.award = d.proposal.amount = d.suggested.claimedLoss + 1;
    d.rationale = '재량으로 상향';
    aboveClaim.totals.amount += d.award! - 50_000;
    const wrongTotal = samplePayload({ keyid: chair.keyid, meetingId: 'totals' });
    wrongTotal.totals.amount += 1;
    const out = writeDecisionFile(folder(), wrongTally, chair.privateKeyPem);
    const r = await verifyJson([out, writeDecisionFile(folder(), aboveClaim, chair.privateKeyPem), writeDecisionFile(folder(), wrongTotal, chair.privateKeyPem)]);
    expect(r.status).toBe(1);
    const [tally, claim, totals] = lines(r);
    expect(tally!.valid).toBe(false);
    expect(tally!.errors).toEqual([
      { file: out, line: null, path: 'decisions[0].tally.approve', code: 'DECISION_TALLY_MISMATCH', message: 'the tally says approve 4, but the votes, the attendance and the counting rules give 3' },
    ]);
    expect(claim!.errors.map((e: any) => [e.path, e.code])).toEqual([['decisions[1].award', 'DECISION_AWARD_ABOVE_CLAIM']]);
    expect(totals!.errors.map((e: any) => [e.path, e.code])).toEqual([['totals.amount', 'DECISION_TOTALS_MISMATCH']]);
  });

  it('is invalid when signed by a key trusted only as secretary, or by no trusted key', async () => {
    const bySecretary = writeDecisionFile(folder(), samplePayload({ keyid: secretary.keyid }), secretary.privateKeyPem);
    const stranger = makeSigner('낯선 키');
    const byStranger = writeDecisionFile(folder(), samplePayload({ keyid: stranger.keyid }), stranger.privateKeyPem);
    const r = await verifyJson([bySecretary, byStranger]);
    expect(r.status).toBe(1);
    const [a, b] = lines(r);
    expect(a).toMatchObject({ valid: false, signer: null, summary: {}, keyid: secretary.keyid });
    expect(a!.errors).toEqual([{ file: bySecretary, line: null, path: 'signatures', code: 'DECISION_SIGNER_ROLE_NOT_ALLOWED', message: 'signed by 간사 윤하늘, which is not trusted as chair' }]);
    expect(codes(b!)).toEqual(['DECISION_SIGNATURE_UNTRUSTED']);
  });

  it("is invalid under a name that is not its meeting's and sequence's", async () => {
    const renamed = writeDecisionFile(folder(), samplePayload({ keyid: chair.keyid }), chair.privateKeyPem, 'decisions-2023-03-02-0002.dsse.json');
    const r = await verifyJson([renamed]);
    expect(r.status).toBe(1);
    expect(lines(r)[0]!.errors).toEqual([
      {
        file: renamed,
        line: null,
        path: '',
        code: 'DECISION_FILE_NAME',
        message: 'is named decisions-2023-03-02-0002.dsse.json, but its signed content is for the file decisions-2023-03-02-0001.dsse.json: a decision file keeps the name of its meeting and sequence',
      },
    ]);
  });

  it('accepts URL-safe unpadded base64, and the same signature twice counts once', async () => {
    const envelope = JSON.parse(decisionEnvelopeText(samplePayload({ keyid: chair.keyid }), chair.privateKeyPem));
    const urlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    envelope.payload = urlSafe(envelope.payload);
    envelope.signatures = [envelope.signatures[0], { ...envelope.signatures[0], sig: urlSafe(envelope.signatures[0].sig) }];
    const at = folder();
    mkdirSync(at);
    const path = join(at, 'decisions-2023-03-02-0001.dsse.json');
    writeFileSync(path, JSON.stringify(envelope));
    const r = await verifyJson([path]);
    expect(lines(r)[0]!.errors).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe("verify, a meeting's chain across the files named", () => {
  it('exits 0 for files 1, 2, 3 in any order on the command line, each following the one before', async () => {
    const at = folder();
    const files = payloadChain(3, { keyid: chair.keyid }).map((p) => writeDecisionFile(at, p, chair.privateKeyPem));
    const r = await verifyJson([files[2]!, files[0]!, files[1]!]);
    expect(r.status).toBe(0);
    expect(lines(r).map((l) => [l.file, l.valid, l.summary.sequence, l.summary.chain])).toEqual([
      [files[2], true, 3, 'follows'],
      [files[0], true, 1, 'first'],
      [files[1], true, 2, 'follows'],
    ]);
    const text = await cli(['verify', ...files, '--trust', trustPath]);
    expect(text.status).toBe(0);
    expect(text.stdout.match(/: VERIFIED\n/g)).toHaveLength(3);
  });

  it('keeps meetings apart: each has its own chain', async () => {
    const at = folder();
    const a = payloadChain(2, { keyid: chair.keyid, meetingId: '2023-03-02' }).map((p) => writeDecisionFile(at, p, chair.privateKeyPem));
    const b = payloadChain(1, { keyid: chair.keyid, meetingId: '2023-03-09' }).map((p) => writeDecisionFile(at, p, chair.privateKeyPem));
    const r = await verifyJson([...a, ...b]);
    expect(r.status).toBe(0);
    expect(lines(r).map((l) => l.summary.chain)).toEqual(['first', 'follows', 'first']);
  });

  it('exits 1 for a gap: the file after a missing one is invalid, naming it and the sequence missing', async () => {
    const at = folder();
    const chain = payloadChain(3, { keyid: chair.keyid });
    const first = writeDecisionFile(at, chain[0]!, chair.privateKeyPem);
    const third = writeDecisionFile(at, chain[2]!, chair.privateKeyPem);
    const r = await verifyJson([first, third]);
    expect(r.status).toBe(1);
    const [one, three] = lines(r);
    expect(one).toMatchObject({ valid: true, errors: [] });
    expect(three).toMatchObject({ valid: false, summary: { chain: 'gap' } });
    expect(three!.errors).toEqual([
      { file: third, line: null, path: 'sequence', code: 'DECISION_CHAIN_GAP', message: "is sequence 3, but the meeting's next file is sequence 2: a file is missing" },
    ]);
  });

  it('exits 1 for a reorder: a file whose previous names another payload than the file before it', async () => {
    const at = folder();
    const [p1, p2] = payloadChain(2, { keyid: chair.keyid });
    // The third file signed as if it followed the first: the second was left out of the chain, or the files swapped places.
    const p3 = samplePayload({ keyid: chair.keyid, sequence: 3, previous: payloadSha256(p1), firstCase: 21 });
    const files = [p1!, p2!, p3].map((p) => writeDecisionFile(at, p, chair.privateKeyPem));
    const r = await verifyJson(files);
    expect(r.status).toBe(1);
    const third = lines(r)[2]!;
    expect(third).toMatchObject({ valid: false, summary: { chain: 'previous-mismatch' } });
    expect(third.errors).toEqual([
      {
        file: files[2],
        line: null,
        path: 'previous',
        code: 'DECISION_CHAIN_PREVIOUS',
        message: `does not name the previous file's payload (${payloadSha256(p2)}): the files were reordered or one was replaced`,
      },
    ]);
    expect(lines(r).slice(0, 2).every((l) => l.valid)).toBe(true);

    // A first file that names a previous one is out of place too.
    const early = writeDecisionFile(folder(), samplePayload({ keyid: chair.keyid, previous: payloadSha256(p2) }), chair.privateKeyPem);
    const e = await verifyJson([early]);
    expect(e.status).toBe(1);
    expect(lines(e)[0]!.errors).toMatchObject([{ path: 'previous', code: 'DECISION_CHAIN_PREVIOUS', message: "does not name the previous file's payload (none, for sequence 1): the files were reordered or one was replaced" }]);
  });

  it('exits 1 for a fork: two different files with one meeting and sequence are both invalid', async () => {
    const [p1, p2] = payloadChain(2, { keyid: chair.keyid });
    const other = samplePayload({ keyid: chair.keyid, sequence: 2, previous: payloadSha256(p1), firstCase: 500 });
    const at = folder();
    const one = writeDecisionFile(at, p1!, chair.privateKeyPem);
    const two = writeDecisionFile(at, p2!, chair.privateKeyPem);
    const twoElsewhere = writeDecisionFile(folder(), other, chair.privateKeyPem);
    const r = await verifyJson([one, two, twoElsewhere]);
    expect(r.status).toBe(1);
    expect(lines(r).map((l) => [l.valid, l.summary.chain, codes(l)])).toEqual([
      [true, 'first', []],
      [false, 'duplicate', ['DECISION_CHAIN_FORK']],
      [false, 'duplicate', ['DECISION_CHAIN_FORK']],
    ]);
    expect(lines(r)[2]!.errors[0]).toMatchObject({ file: twoElsewhere, path: 'sequence', message: 'another file with different content has the same meeting and sequence 2' });

    // The same file named twice is no fork.
    expect((await verifyJson([one, two, two])).status).toBe(0);
  });

  it('leaves files that do not verify out of the chain, and still reports each', async () => {
    const at = folder();
    const chain = payloadChain(2, { keyid: chair.keyid });
    const first = writeDecisionFile(at, chain[0]!, chair.privateKeyPem);
    const forged = makeSigner('위조');
    const second = writeDecisionFile(at, { ...chain[1]!, signer: { ...chain[1]!.signer, keyid: forged.keyid } }, forged.privateKeyPem);
    const r = await verifyJson([first, second]);
    expect(r.status).toBe(1);
    expect(lines(r).map((l) => [l.valid, l.summary.chain ?? null, codes(l)])).toEqual([
      [true, 'first', []],
      [false, null, ['DECISION_SIGNATURE_UNTRUSTED']],
    ]);
  });

  it('verifies a bundle and decision files in one run, one line each', async () => {
    const file = writeDecisionFile(folder(), samplePayload({ keyid: chair.keyid }), chair.privateKeyPem);
    const r = await verifyJson([file, join(dir, 'no-such.cdbundle')]);
    expect(r.status).toBe(1);
    expect(lines(r).map((l) => [l.kind, l.valid])).toEqual([
      ['decisions', true],
      ['bundle', false],
    ]);
  });
});

describe('verify, usage', () => {
  it('exits 2 without a file, without one of --trust and --key, or with an unknown option', async () => {
    const file = writeDecisionFile(folder(), samplePayload({ keyid: chair.keyid }), chair.privateKeyPem);
    for (const argv of [['verify', '--trust', trustPath], ['verify', file, file], ['verify', file, '--trust', trustPath, '--chain']]) {
      const r = await cli(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: council-desk verify FILE... (--trust FILE or --key PEM) [--folder DIR] [--json]');
    }
  });
});
