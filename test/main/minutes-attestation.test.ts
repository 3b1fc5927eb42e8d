/**
 * The minutes attestation (issue 13, item 3): main writes the minutes files into <sync>/minutes/
 * and the folder the secretary chose, then signs minutes-<meetingId>.dsse.json with the secretary's
 * key, listing each file's SHA-256, the decision files the notary signed for the meeting with their
 * payload hashes, and the totals of the meeting's cases at their highest revision. `council-desk
 * verify` accepts it and fails it when a listed file changes or goes, or when the key that signed it
 * is trusted only as chair. Nothing is attested while a decision file waits for the sync folder,
 * and nothing is written when the secretary declines the confirmation.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { totalsOf } from '../../shared/decisions/payload-check';
import { PAYLOAD_TYPE_MINUTES } from '../../shared/dsse';
import { decodePayload, verifyEnvelopeWithKey } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { writeMinutesFiles, type MinutesFile } from '../../electron/services/minutes/minutes-files';
import { createMinutesNotary, type MinutesNotary } from '../../electron/services/notary/minutes-notary';
import { reopenedDecision } from '../support/decision-payloads';
import { disposeNotaryKits, fakeDeviceKeys, notaryKit, type NotaryKit } from '../support/notary-kit';
import { cli, type CliRun } from './fixtures/cli-harness';
import { trustFor } from './fixtures/tiny-bundle';

afterEach(disposeNotaryKits);

const MEETING = '2023-03-02';
const ATTESTATION = `minutes-${MEETING}.dsse.json`;
const SECRETARY = { memberId: 's1', name: '윤하늘' };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Stand-ins for what the exports make: the bytes matter, not their form. */
const FILES: MinutesFile[] = [
  { name: `minutes-${MEETING}-ko.pdf`, bytes: new TextEncoder().encode('%PDF-1.7\n회의록 2023-03-02\n%%EOF\n') },
  { name: `minutes-${MEETING}-ko.docx`, bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
  { name: `payments-${MEETING}.csv`, bytes: new TextEncoder().encode('\uFEFFcaseId,award\r\n1015-000002,50000\r\n') },
];

interface Setup {
  kit: NotaryKit;
  minutes: MinutesNotary;
  /** The folder the secretary chose. */
  chosen: string;
  trustPath: string;
}

/** A device with a chair and a secretary key, and a trust file holding both in their roles. */
function setup(): Setup {
  const chair = generateKeyPair();
  const secretary = generateKeyPair();
  const kit = notaryKit({ pair: chair, keys: fakeDeviceKeys({ chair, secretary }) });
  const chosen = join(kit.root, 'chosen');
  mkdirSync(chosen);
  const trustPath = join(kit.root, 'trust.json');
  writeFileSync(trustPath, JSON.stringify({ keys: [trustFor(chair.publicKeyPem, '의장 정한결', ['chair']), trustFor(secretary.publicKeyPem, '간사 윤하늘', ['secretary'])] }));
  return { kit, minutes: createMinutesNotary(kit.ctx, { now: () => new Date('2023-03-02T09:00:00Z') }), chosen, trustPath };
}

/** Two decision files: three cases, then two more and the first case again, rejected at revision 2. */
async function exportDecisions(kit: NotaryKit): Promise<string[]> {
  const first = await kit.handlers.exportDecisions({ payload: kit.payload() });
  // the first case again, decided as the third was: a rejection, with its votes and rationale
  const redecided = { ...reopenedDecision(kit.payload().decisions[2]!, first), caseId: kit.payload().decisions[0]!.caseId };
  const next = kit.payload({ sequence: 2, previous: first.payloadSha256, firstCase: 4, decisions: 2 });
  next.decisions.push(redecided);
  next.totals = totalsOf(next.decisions);
  const second = await kit.handlers.exportDecisions({ payload: next });
  return [first.payloadSha256, second.payloadSha256];
}

async function attest(s: Setup, files: MinutesFile[] = FILES) {
  const targets = await s.minutes.targets(s.chosen);
  await writeMinutesFiles(targets, files);
  return s.minutes.attestMinutes({ meetingId: MEETING, files, signer: SECRETARY, language: 'ko', folder: s.chosen });
}

const verify = (s: Setup, path: string, ...more: string[]): Promise<CliRun> => cli(['verify', path, '--trust', s.trustPath, '--json', ...more]);
const line = (run: CliRun): Record<string, any> => JSON.parse(run.stdout);
const codes = (run: CliRun): string[] => line(run).errors.map((e: { code: string }) => e.code);

describe('the minutes notary', () => {
  it('attests the written files and the signed decision files, with the totals of each case at its highest revision', async () => {
    const s = setup();
    const [first, second] = await exportDecisions(s.kit);
    const result = await attest(s);
    const syncPath = join(s.kit.sync, 'minutes', ATTESTATION);
    expect(result).toMatchObject({ fileName: ATTESTATION, meetingId: MEETING, existed: false, paths: [syncPath, join(s.chosen, ATTESTATION)] });
    expect(result.payload).toEqual({
      format: 'council-desk/minutes',
      version: 1,
      council: 'Kakao 1015 damage support council',
      meetingId: MEETING,
      files: Object.fromEntries(FILES.map((f) => [f.name, sha256(f.bytes)])),
      decisionFiles: { [`decisions-${MEETING}-0001.dsse.json`]: first, [`decisions-${MEETING}-0002.dsse.json`]: second },
      // five cases, not six: the first case counts once, rejected at revision 2, its award of 30,000 gone
      totals: { decisions: 5, awarded: 3, rejected: 2, deferred: 0, amount: 50_000 + 30_000 + 50_000 },
      signer: { ...SECRETARY, role: 'secretary', keyid: (await s.kit.ctx.keys.publicKey('secretary'))!.keyid },
      createdAt: '2023-03-02T09:00:00.000Z',
    });
    expect(s.kit.confirms.at(-1)).toMatchObject({ title: '회의록 확인서 서명', confirmLabel: '서명' });
    expect(s.kit.confirms.at(-1)!.detail).toContain('회의록 파일 3개, 의결 파일 2개');
    expect(s.kit.confirms.at(-1)!.detail).toContain('의결 5건: 지원 3건, 기각 2건, 보류 0건');
    for (const dir of [join(s.kit.sync, 'minutes'), s.chosen]) expect(readdirSync(dir).sort()).toEqual([...FILES.map((f) => f.name), ATTESTATION].sort());
    expect(existsSync(join(s.kit.sync, 'keys', `${result.payload.signer.keyid}.pub.pem`))).toBe(true);

    const run = await verify(s, syncPath);
    expect(run.status).toBe(0);
    expect(line(run)).toMatchObject({
      valid: true,
      payloadType: PAYLOAD_TYPE_MINUTES,
      keyid: result.payload.signer.keyid,
      kind: 'minutes',
      summary: { meetingId: MEETING, totalsRecounted: true, files: FILES.map((f) => ({ name: f.name, status: 'matches' })).sort((a, b) => (a.name < b.name ? -1 : 1)) },
      verifiedBy: { name: '간사 윤하늘' },
      errors: [],
      warnings: [],
    });
    expect(line(run).summary.decisionFiles.map((d: { status: string }) => d.status)).toEqual(['matches', 'matches']);
    // the chosen folder has no outbox beside it: the decision files are not found there, a warning only
    const chosen = await verify(s, join(s.chosen, ATTESTATION));
    expect(chosen.status).toBe(0);
    expect(line(chosen).warnings.map((w: { code: string }) => w.code)).toEqual(['MINUTES_DECISION_FILE_NOT_FOUND', 'MINUTES_DECISION_FILE_NOT_FOUND']);
  });

  it('signs RFC 8785 bytes: the payload re-canonicalises to the very bytes signed', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const result = await attest(s);
    const envelope = JSON.parse(readFileSync(result.paths[0]!, 'utf8'));
    const text = new TextDecoder().decode(decodePayload(envelope));
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(sha256(new TextEncoder().encode(text))).toBe(result.payloadSha256);
    expect(verifyEnvelopeWithKey(envelope, (await s.kit.ctx.keys.publicKey('secretary'))!.publicKeyPem, { payloadType: PAYLOAD_TYPE_MINUTES }).ok).toBe(true);
  });

  it('fails verification when a listed file changes by one byte, naming the file', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const result = await attest(s);
    const pdf = join(s.kit.sync, 'minutes', FILES[0]!.name);
    const bytes = readFileSync(pdf);
    bytes[10] = bytes[10]! ^ 0x01;
    writeFileSync(pdf, bytes);
    const run = await verify(s, result.paths[0]!);
    expect(run.status).toBe(1);
    expect(line(run).valid).toBe(false);
    expect(line(run).errors).toEqual([
      expect.objectContaining({ code: 'MINUTES_LISTED_FILE_CHANGED', path: `files["${FILES[0]!.name}"]`, message: expect.stringContaining(pdf) }),
    ]);
    expect(line(run).summary.files.find((f: { name: string }) => f.name === FILES[0]!.name)).toMatchObject({ sha256: sha256(FILES[0]!.bytes), status: 'changed' });
    // the chosen folder's copy is untouched and still verifies
    expect((await verify(s, result.paths[1]!)).status).toBe(0);
  });

  it('fails verification when a listed file is missing, naming the file', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const result = await attest(s);
    const csv = join(s.chosen, FILES[2]!.name);
    rmSync(csv);
    const run = await verify(s, result.paths[1]!);
    expect(run.status).toBe(1);
    expect(line(run).errors).toEqual([expect.objectContaining({ code: 'MINUTES_LISTED_FILE_MISSING', path: `files["${FILES[2]!.name}"]`, message: expect.stringContaining(csv) })]);
  });

  it('fails verification when the key that signed it is trusted only as chair', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const result = await attest(s);
    const secretary = (await s.kit.ctx.keys.publicKey('secretary'))!;
    const chairOnly = join(s.kit.root, 'chair-only.json');
    writeFileSync(chairOnly, JSON.stringify({ keys: [trustFor(secretary.publicKeyPem, '간사 윤하늘', ['chair'])] }));
    const run = await cli(['verify', result.paths[0]!, '--trust', chairOnly, '--json']);
    expect(run.status).toBe(1);
    expect(codes(run)).toEqual(['MINUTES_SIGNER_ROLE_NOT_ALLOWED']);
    expect(line(run).errors[0].message).toBe('signed by 간사 윤하늘, which is not trusted as secretary');
  });

  it('refuses while a decision file of the meeting still waits for the sync folder, and when none was signed', async () => {
    const s = setup();
    await expect(s.minutes.attestMinutes({ meetingId: MEETING, files: FILES, signer: SECRETARY })).rejects.toMatchObject({
      code: 'MINUTES_NOT_READY',
      message: expect.stringContaining('export all decisions first'),
    });
    rmSync(s.kit.sync, { recursive: true }); // the USB stick pulled
    const queued = await s.kit.handlers.exportDecisions({ payload: s.kit.payload() });
    expect(queued.state).toBe('queued');
    await expect(s.minutes.attestMinutes({ meetingId: MEETING, files: FILES, signer: SECRETARY })).rejects.toMatchObject({
      code: 'MINUTES_NOT_READY',
      message: expect.stringMatching(/decisions-2023-03-02-0001\.dsse\.json .*waits for the sync folder: export all decisions first/),
    });
    expect(s.kit.confirms).toHaveLength(1); // the decision file's only
  });

  it('refuses when a decision file in the outbox is not the one the notary signed', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const [first, second] = s.kit.outboxNames();
    writeFileSync(join(s.kit.outbox, second!), readFileSync(join(s.kit.outbox, first!)));
    await expect(attest(s)).rejects.toMatchObject({
      code: 'MINUTES_REFUSED',
      message: expect.stringContaining(`${join(s.kit.outbox, second!)} is not the decision file the notary signed: its payload is not the one the ledger recorded`),
    });
    expect(readdirSync(join(s.kit.sync, 'minutes')).filter((n) => n.endsWith('.dsse.json'))).toEqual([]);
  });

  it('writes nothing when the secretary declines the confirmation', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    s.kit.answer.confirm = false;
    await expect(attest(s)).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
    for (const dir of [join(s.kit.sync, 'minutes'), s.chosen]) expect(readdirSync(dir).filter((n) => n.endsWith('.dsse.json') || n.startsWith('.'))).toEqual([]);
    const secretary = (await s.kit.ctx.keys.publicKey('secretary'))!;
    expect(existsSync(join(s.kit.sync, 'keys', `${secretary.keyid}.pub.pem`))).toBe(false);
  });

  it('answers the same content again as it stands, and never writes over an attestation of other files', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const first = await attest(s);
    const bytes = readFileSync(first.paths[0]!);
    const again = await attest(s);
    expect(again).toMatchObject({ existed: true, payloadSha256: first.payloadSha256 });
    expect(s.kit.confirms.filter((c) => c.title === '회의록 확인서 서명')).toHaveLength(1);
    expect(readFileSync(first.paths[0]!).equals(bytes)).toBe(true);

    const more = [...FILES, { name: `payments-${MEETING}.xlsx`, bytes: new Uint8Array([0x50, 0x4b, 9]) }];
    await expect(attest(s, more)).rejects.toMatchObject({ code: 'MINUTES_WRITE_FAILED', message: expect.stringContaining('already holds another minutes attestation') });
    expect(readFileSync(first.paths[0]!).equals(bytes)).toBe(true);
  });

  it('lists only the meeting\'s own export names, and never writes a minutes file over a different one', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    await expect(s.minutes.attestMinutes({ meetingId: MEETING, files: [{ name: 'notes.txt', bytes: new Uint8Array([1]) }], signer: SECRETARY })).rejects.toMatchObject({ code: 'MINUTES_REFUSED' });
    const targets = await s.minutes.targets(s.chosen);
    await writeMinutesFiles(targets, FILES);
    const changed = [{ ...FILES[0]!, bytes: new TextEncoder().encode('%PDF-1.7 another\n') }];
    await expect(writeMinutesFiles(targets, changed)).rejects.toMatchObject({ code: 'MINUTES_WRITE_FAILED', message: expect.stringContaining('already holds a different file') });
    expect(readFileSync(join(targets[0]!, FILES[0]!.name)).equals(FILES[0]!.bytes)).toBe(true);
  });
});
