import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pdfjsAssets } from '../../build/vite-pdfjs-assets';

// The benchmark page: the renderer's import modules and its PDF viewer in a page of their own
// (dist/bench-page), with pdf.js's worker and data files as in the app's build.
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react(), pdfjsAssets()],
  build: { outDir: fileURLToPath(new URL('../../dist/bench-page', import.meta.url)), emptyOutDir: true, target: 'chrome130' },
});
