/**
 * Making a meeting's minutes again (issue 13), their progress and their preview: minutes already in
 * a folder are refused unless the secretary says to make them again; then the earlier set moves as
 * a whole into earlier/<when it was signed>/ beside them, where its attestation still verifies, and
 * nothing is written over. Each step is reported while the run is under way. The preview is the
 * very body the PDF prints.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { minutesSteps } from '../../shared/minutes/minutes-steps';
import type { PrintPort } from '../../electron/services/minutes/print-port';
import { verifyMinutesAttestation } from '../../electron/services/minutes/verify-minutes-attestation';
import type { HeadlessPrint } from '../../electron/services/browser-mode/headless-print';
import { chromiumPrint } from '../support/chromium-print';
import { ATTESTATION, call, exportDecisions, MEETING, NAMES, namesIn, request, setup, type Setup } from '../support/minutes-export-kit';
import { disposeNotaryKits } from '../support/notary-kit';

let print: HeadlessPrint;
beforeAll(() => {
  print = chromiumPrint();
});
afterAll(() => print.close());
afterEach(disposeNotaryKits);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hashes = (dir: string) => Object.fromEntries(namesIn(dir).filter((n) => n !== 'earlier').map((n) => [n, sha(join(dir, n))]));
const trustedOf = (s: Setup) => [{ keyid: s.secretary.keyid, name: '간사 윤하늘', roles: ['secretary' as const], publicKeyPem: s.secretary.publicKeyPem }];

describe('making the minutes again', () => {
  it('refuses minutes already in the folder, changing nothing, and moves them into earlier/ when asked to make them again', async () => {
    let at = new Date('2023-03-02T09:00:00Z');
    const s = setup(print, { now: () => at });
    await exportDecisions(s.kit);
    s.folders.push(s.chosen);
    const first = (await s.handlers.exportMinutes(request({ chooseFolder: true })))!;
    const minutesDir = join(s.kit.sync, 'minutes');
    const before = hashes(minutesDir);

    s.folders.push(s.chosen);
    const refused = await call(s, request({ chooseFolder: true, languages: ['en'] }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'MINUTES_EXIST', message: expect.stringContaining(minutesDir) } });
    expect(hashes(minutesDir)).toEqual(before);
    expect(s.kit.confirms.filter((c) => c.detail.includes('회의록'))).toHaveLength(1); // nothing signed the second time

    at = new Date('2023-03-03T01:00:00Z');
    s.folders.push(s.chosen);
    const again = (await s.handlers.exportMinutes(request({ chooseFolder: true, languages: ['ko'], again: true })))!;
    const stamp = '2023-03-02T09-00-00.000Z'; // when the earlier attestation was signed
    expect(again.earlier).toEqual([join(minutesDir, 'earlier', stamp), join(s.chosen, 'earlier', stamp)]);
    for (const dir of again.earlier) {
      expect(namesIn(dir)).toEqual([...NAMES, ATTESTATION].sort());
      const earlier = await verifyMinutesAttestation(join(dir, ATTESTATION), trustedOf(s));
      expect(earlier.errors).toEqual([]);
      expect(earlier.payload!.createdAt).toBe(first.attestation.createdAt);
    }
    expect(hashes(again.earlier[0]!)).toEqual(before); // moved as they were, not rewritten

    // the new minutes: Korean only, attested anew
    const koOnly = [`minutes-${MEETING}-ko.docx`, `minutes-${MEETING}-ko.pdf`, `payments-${MEETING}.csv`, `payments-${MEETING}.xlsx`];
    expect(namesIn(minutesDir)).toEqual([ATTESTATION, 'earlier', ...koOnly].sort());
    expect(again.attestation).toMatchObject({ existed: false, createdAt: '2023-03-03T01:00:00.000Z' });
    const now = await verifyMinutesAttestation(join(minutesDir, ATTESTATION), trustedOf(s));
    expect(now.errors).toEqual([]);
    expect(Object.keys(now.payload!.files).sort()).toEqual(koOnly);
  }, 180_000);
});

describe('progress', () => {
  it('reports each step done while the run is under way, and nothing once it has ended', async () => {
    const runId = '0b5d3f7e-5a1c-4d2e-9f00-1234567890ab';
    const seen: unknown[] = [];
    const s: Setup = setup(print, { beforeConfirm: async () => void seen.push(await s.handlers.getMinutesProgress({ runId })) });
    await exportDecisions(s.kit);
    seen.length = 0; // the decision files' confirmations are not the minutes'
    await s.handlers.exportMinutes(request({ runId, languages: ['ko', 'en'] }));
    const total = minutesSteps(['ko', 'en']).length;
    expect(total).toBe(9);
    expect(seen).toEqual([{ done: total - 1, total }]); // at the signature, every step before it is done
    expect(await s.handlers.getMinutesProgress({ runId })).toBeNull();
  }, 120_000);
});

describe('the preview', () => {
  it('is the body the PDF prints, made from the decision files main signed', async () => {
    const printed: string[] = [];
    const spy: PrintPort = { printPdf: (html, page) => (printed.push(html), print.printPdf(html, page)) };
    const s = setup(spy);
    const decisions = await exportDecisions(s.kit);
    const { meeting, agenda, cases, signers } = request();
    const preview = await s.handlers.previewMinutes({ meetingId: MEETING, language: 'ko', meeting, agenda, cases, signers });
    for (const d of decisions) expect(preview.html).toContain(d.payloadSha256);
    expect(preview.html).toContain('하늘 택시');
    expect(preview.html).not.toMatch(/<script|style=|<link/i);

    await s.handlers.exportMinutes(request({ languages: ['ko'] }));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(preview.html);
  }, 120_000);

  it('is refused, as the minutes are, before any decision file was signed', async () => {
    const s = setup(print);
    const { meeting, agenda, cases, signers } = request();
    await expect(s.handlers.previewMinutes({ meetingId: MEETING, language: 'en', meeting, agenda, cases, signers })).rejects.toMatchObject({ code: 'MINUTES_NOT_READY' });
  });
});
