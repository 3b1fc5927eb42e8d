import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../renderer', import.meta.url));

// The renderer is loaded from the app:// protocol in Electron and from a loopback server in the
// end-to-end tests, so every asset is addressed relative to index.html.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)), emptyOutDir: true, target: 'chrome130', sourcemap: true },
});
