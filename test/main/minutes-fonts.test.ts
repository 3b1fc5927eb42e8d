/** The bundled font for the minutes' PDF: only the subsets the text needs, inline, from the app's own files. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontDir, loadBundledFonts } from '../../electron/services/minutes/minutes-fonts';

const root = path.resolve(__dirname, '../..');
const faces = (css: string) => css.match(/@font-face\{/g)?.length ?? 0;

describe('the bundled font', () => {
  it('embeds the subsets that hold the text\'s characters, in both weights, as data: URLs', async () => {
    const fonts = await loadBundledFonts(bundledFontDir(root));
    const latin = await fonts.cssFor('Minutes 1 / 2');
    const korean = await fonts.cssFor('회의록 휗 Minutes 1 / 2'); // 휗: a rare syllable, in a subset of its own
    expect(faces(latin)).toBeGreaterThanOrEqual(2);
    expect(faces(korean)).toBeGreaterThan(faces(latin));
    for (const weight of [400, 700]) expect(korean).toContain(`font-weight:${weight}`);
    expect(korean).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\) format\('woff2'\)/);
    expect(korean).not.toMatch(/url\((?!data:)/);
    expect(await fonts.cssFor('')).toBe('');
  });

  it('gives one weight when asked', async () => {
    const css = await (await loadBundledFonts(bundledFontDir(root))).cssFor('회의록', [400]);
    expect(css).toContain('font-weight:400');
    expect(css).not.toContain('font-weight:700');
  });

  it('says which file is missing when the font package is not there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cd-no-font-'));
    try {
      await expect(loadBundledFonts(dir)).rejects.toThrow(`${path.join(dir, '400.css')} could not be read (ENOENT)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
