// Builds the web UI (web/) into dist/web, which `demarche serve` serves. No inline scripts are
// emitted, so the server's CSP (script-src 'self') holds.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Keep everything as files: a CSP-friendly build with no data: scripts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development, with `demarche serve` on 8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
