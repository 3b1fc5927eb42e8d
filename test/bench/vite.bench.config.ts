import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark page: the renderer's import modules in a page of their own (dist/bench-page).
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../../dist/bench-page', import.meta.url)), emptyOutDir: true, target: 'chrome130' },
});
