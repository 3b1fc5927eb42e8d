/**
 * The secretary's "make the minutes" call (issue 13): main makes the PDF and DOCX in Korean and
 * English and the payment list as CSV and XLSX from the decision files it signed, writes them into
 * <sync>/minutes/ and the folder chosen, and attests them with the secretary's key. A meeting whose
 * decisions are not all in the sync folder, or a renderer's agenda that does not fit the files,
 * writes nothing.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyMinutesAttestation } from '../../electron/services/minutes/verify-minutes-attestation';
import { createMinutesNotary } from '../../electron/services/notary/minutes-notary';
import { parseCsvTable } from '../../renderer/review/evidence/csv-parse';
import type { HeadlessPrint } from '../../electron/services/browser-mode/headless-print';
import { chromiumPrint } from '../support/chromium-print';
import { ATTESTATION, call, exportDecisions, MEETING, NAMES, namesIn, request, SECRETARY, setup as setupWith } from '../support/minutes-export-kit';
import { disposeNotaryKits } from '../support/notary-kit';
import { pdfPages } from '../support/pdf-tools';
import { SAMPLE_CASES } from '../support/sample-minutes';

let print: HeadlessPrint;
beforeAll(async () => {
  print = chromiumPrint();
});
afterAll(() => print.close());
afterEach(disposeNotaryKits);

const setup = (opts: { print?: boolean } = {}) => setupWith(opts.print === false ? undefined : print);

describe('exportMinutes', () => {
  it('writes the minutes in both languages, the payment lists and the attestation into <sync>/minutes/ and the chosen folder', async () => {
    const s = setup();
    const decisions = await exportDecisions(s.kit);
    s.folders.push(s.chosen);
    const result = await s.handlers.exportMinutes(request({ chooseFolder: true }));
    const minutesDir = join(s.kit.sync, 'minutes');
    expect(result!.files.map((f) => f.name)).toEqual(NAMES);
    for (const f of result!.files) expect(f.paths).toEqual([join(minutesDir, f.name), join(s.chosen, f.name)]);
    expect(result!.attestation).toEqual({ fileName: ATTESTATION, paths: [join(minutesDir, ATTESTATION), join(s.chosen, ATTESTATION)], existed: false, payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: '2023-03-02T09:00:00.000Z' });
    expect(result!.earlier).toEqual([]);
    for (const dir of [minutesDir, s.chosen]) expect(namesIn(dir)).toEqual([...NAMES, ATTESTATION].sort());

    const trusted = [{ keyid: s.secretary.keyid, name: '간사 윤하늘', roles: ['secretary' as const], publicKeyPem: s.secretary.publicKeyPem }];
    for (const path of result!.attestation.paths) {
      const verified = await verifyMinutesAttestation(path, trusted);
      expect(verified.errors).toEqual([]);
      expect(verified.valid).toBe(true);
      expect(verified.payload!.files).toEqual(Object.fromEntries(result!.files.map((f) => [f.name, f.sha256])));
      expect(verified.payload!.decisionFiles).toEqual(Object.fromEntries(decisions.map((d) => [d.fileName, d.payloadSha256])));
    }

    // the payment list: cases 1, 2, 5, 6 and 4 at revision 2; its sum is what the files award
    const csv = parseCsvTable(readFileSync(join(minutesDir, `payments-${MEETING}.csv`), 'utf8').replace(/^\uFEFF/, ''));
    const award = csv.header.indexOf('award');
    expect(csv.rows.map((r) => r[csv.header.indexOf('caseId')]).sort()).toEqual(['1015-000001', '1015-000002', '1015-000004', '1015-000005', '1015-000006']);
    expect(csv.rows.reduce((sum, r) => sum + Number(r[award]), 0)).toBe(30_000 + 50_000 + 50_000 + 400_000 + 30_000);

    // the council and the place are the signed files', the opening time the request's
    const ko = pdfPages(readFileSync(join(minutesDir, `minutes-${MEETING}-ko.pdf`))).join('\n');
    expect(ko).toContain('서울 중구 소상공인회관 3층 회의실');
    expect(ko).toContain('하늘 택시');
    const en = pdfPages(readFileSync(join(s.chosen, `minutes-${MEETING}-en.pdf`))).join('\n');
    expect(en).toContain('Kakao 1015 damage support council');
    expect(s.kit.confirms.at(-1)!.detail).toContain('회의록 파일 6개, 의결 파일 2개');
  }, 120_000);

  it('answers null and writes nothing when the secretary cancels the folder dialog', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    s.folders.push(null);
    await expect(s.handlers.exportMinutes(request({ chooseFolder: true, languages: ['en'] }))).resolves.toBeNull();
    expect(namesIn(join(s.kit.sync, 'minutes'))).toEqual([]);
  });

  it('refuses while a decision file waits for the sync folder, writing nothing', async () => {
    const s = setup();
    const first = await s.kit.handlers.exportDecisions({ payload: s.kit.payload({ decisions: 5 }) });
    rmSync(s.kit.sync, { recursive: true }); // the USB stick pulled
    const queued = await s.kit.handlers.exportDecisions({ payload: s.kit.payload({ sequence: 2, previous: first.payloadSha256, firstCase: 6, decisions: 1 }) });
    expect(queued.state).toBe('queued');
    mkdirSync(s.kit.sync); // another stick, as yet without the file
    s.folders.push(s.chosen);
    const answer = await call(s, request({ chooseFolder: true }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'MINUTES_NOT_READY', message: expect.stringContaining('decisions-2023-03-02-0002.dsse.json') } });
    expect(namesIn(join(s.kit.sync, 'minutes'))).toEqual([]);
    expect(namesIn(s.chosen)).toEqual([]);
    expect(s.folders).toEqual([s.chosen]); // refused before the secretary was asked for a folder
  });

  it("refuses an agenda whose decided case's particulars are missing, naming the case, writing nothing", async () => {
    const s = setup();
    await exportDecisions(s.kit);
    const { '1015-000004': _gone, ...cases } = SAMPLE_CASES;
    s.folders.push(s.chosen);
    const answer = await call(s, request({ cases, chooseFolder: true }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'MINUTES_INVALID', message: expect.stringContaining('1015-000004') } });
    expect(namesIn(join(s.kit.sync, 'minutes'))).toEqual([]);
    expect(s.folders).toEqual([s.chosen]);
    expect(s.kit.confirms).toHaveLength(2); // the decision files' only
  });

  it('makes nothing without a print port (browser mode), saying so', async () => {
    const s = setup({ print: false });
    await exportDecisions(s.kit);
    const answer = await call(s, request());
    expect(answer).toMatchObject({ ok: false, error: { code: 'MINUTES_PDF_UNAVAILABLE' } });
    expect(namesIn(join(s.kit.sync, 'minutes'))).toEqual([]);
  });

  it('refuses a request with a field the contract does not name, or decision files from the renderer', async () => {
    const s = setup();
    await exportDecisions(s.kit);
    for (const extra of [{ folder: s.chosen }, { decisionFiles: [] }, { council: 'Another council' }]) {
      const answer = await call(s, { ...request(), ...extra });
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringContaining(Object.keys(extra)[0]!) } });
    }
    const badReason = request();
    (badReason.agenda[0]!.suggestion.reasons as unknown[]).push({ code: 'TIER', amount: 1.5 });
    expect(await call(s, badReason)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(namesIn(join(s.kit.sync, 'minutes'))).toEqual([]);
  });

  it('attests nothing when a decision file was signed after the minutes were made from the files before it', async () => {
    const s = setup();
    const [first] = await exportDecisions(s.kit);
    const notary = createMinutesNotary(s.kit.ctx);
    const files = [{ name: `payments-${MEETING}.csv`, bytes: new TextEncoder().encode('\uFEFFcaseId\r\n') }];
    await expect(notary.attestMinutes({ meetingId: MEETING, files, signer: SECRETARY, describes: [{ fileName: first!.fileName, payloadSha256: first!.payloadSha256 }] })).rejects.toMatchObject({
      code: 'MINUTES_NOT_READY',
      message: expect.stringContaining('make the minutes again'),
    });
    expect(namesIn(join(s.kit.sync, 'minutes'))).toEqual([]);
  });
});
