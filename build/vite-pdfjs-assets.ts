/**
 * A Vite plugin that ships pdf.js's data files with the page, under pdfjs/ next to index.html:
 * the packed CMaps (CJK text in PDFs that do not embed their fonts, e.g. Korean), the standard
 * fonts (the 14 PDF base fonts, for PDFs that do not embed them) and the JavaScript JPEG 2000
 * decoder (pdf.js's fallback when WebAssembly is off, which the app's CSP keeps off).
 * Nothing is fetched from a CDN. The dev server serves the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** Output path under the page -> file in pdfjs-dist. */
function pdfjsAssetFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (dir: string, keep: (name: string) => boolean) => {
    for (const name of readdirSync(path.join(pdfjsRoot, dir))) {
      if (keep(name)) files.set(`pdfjs/${dir}/${name}`, path.join(pdfjsRoot, dir, name));
    }
  };
  add('cmaps', (n) => n.endsWith('.bcmap') || n === 'LICENSE');
  add('standard_fonts', (n) => /\.(pfb|ttf)$/.test(n) || n.startsWith('LICENSE'));
  add('wasm', (n) => n === 'openjpeg_nowasm_fallback.js' || n === 'LICENSE_OPENJPEG' || n === 'LICENSE_PDFJS_OPENJPEG');
  return files;
}

export function pdfjsAssets(): Plugin {
  const files = pdfjsAssetFiles();
  return {
    name: 'council-desk-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]!.replace(/^\/+/, '');
        const file = files.get(url);
        if (!file) return next();
        res.setHeader('content-type', url.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}
