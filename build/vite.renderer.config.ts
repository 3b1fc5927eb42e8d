import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pdfjsAssets } from './vite-pdfjs-assets';

const root = fileURLToPath(new URL('../renderer', import.meta.url));

// The renderer is loaded from the app:// protocol in Electron and from a loopback server in the
// end-to-end tests, so every asset is addressed relative to index.html. pdf.js's worker is a file
// of the build (imported with ?url); its CMaps, standard fonts and JPEG 2000 decoder go to pdfjs/.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: { outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)), emptyOutDir: true, target: 'chrome130', sourcemap: true },
});
