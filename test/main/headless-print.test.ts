/**
 * Browser mode's printer (headless-print.ts) on Debian's Chromium, as serve runs it (no flags of
 * the tests'): a real PDF with the Korean it was given, the browser started on the first print
 * only, kept for the next, with a throwaway profile, and ended by close().
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlessPrint } from '../../electron/services/browser-mode/headless-print';
import { bundledFontDir, loadBundledFonts } from '../../electron/services/minutes/minutes-fonts';
import { pdfPages } from '../support/pdf-tools';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(__dirname, '../..');

/** The command lines of this process's children (Linux's ps). */
function childCommands(): string[] {
  return execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '');
}

/** The profile of the Chromium playwright started (on a pipe; Debian's /usr/bin/chromium execs /usr/lib/chromium/chromium). */
function profileOf(commands: readonly string[]): string | undefined {
  for (const command of commands) {
    const dir = /--user-data-dir=(\S+)/.exec(command)?.[1];
    if (command.includes('--remote-debugging-pipe') && dir) return dir;
  }
  return undefined;
}

describe("browser mode's headless print", () => {
  it('prints a PDF holding the Korean it was given, with one browser for every print, on a throwaway profile', async () => {
    const print = headlessPrint({ executablePath: CHROMIUM });
    expect(profileOf(childCommands()), 'no browser before the first print').toBeUndefined();
    try {
      const fonts = await loadBundledFonts(bundledFontDir(root));
      const text = '제3차 피해지원 협의체 회의록';
      const css = await fonts.cssFor(text, [400]);
      const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>${css} body { font-family: 'Noto Sans KR'; }</style></head><body><p>${text}</p></body></html>`;
      const pdf = await print.printPdf(html, { headerText: '협의체', language: 'ko', fontCss: await fonts.cssFor('협의체0123456789 /', [400]) });
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
      expect(pdfPages(pdf).join('\n')).toContain(text);

      const profile = profileOf(childCommands());
      expect(profile?.startsWith(path.join(tmpdir(), 'playwright_chromiumdev_profile-'))).toBe(true);
      expect(profile).not.toContain('browser-profile');
      const [a, b] = [await print.newPage(), await print.newPage()];
      expect(a.context().browser()).toBe(b.context().browser());
      await print.printPdf('<p>again</p>', { headerText: 'x', language: 'en', fontCss: '' });
      expect(profileOf(childCommands())).toBe(profile);

      await print.close();
      expect(profileOf(childCommands())).toBeUndefined();
      expect(existsSync(profile!), 'the throwaway profile is removed').toBe(false);
    } finally {
      await print.close();
    }
  }, 60_000);

  it('starts nothing until it prints, and then says which browser could not be started', async () => {
    const print = headlessPrint({ executablePath: '/nowhere/chromium' });
    await print.close();
    await expect(print.printPdf('<p>x</p>', { headerText: 'x', language: 'en', fontCss: '' })).rejects.toMatchObject({
      code: 'MINUTES_PDF_UNAVAILABLE',
      message: "/nowhere/chromium could not be started to print the minutes' PDF (it is not a program that can be run); nothing was made.",
    });
    await print.close();
  });
});
