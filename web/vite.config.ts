// Builds the page into web/dist/, which src/server serves at `/`. Everything is bundled and
// served by spfkit itself: no fonts, CDNs or other hosts (the CSP in index.html says so too).
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Small enough to inline nothing: one JS and one CSS file with hashed names.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev:web` next to a running `spfkit serve` on port 8025 (say).
    proxy: { '/api': process.env.SPFKIT_API ?? 'http://127.0.0.1:8025', '/healthz': process.env.SPFKIT_API ?? 'http://127.0.0.1:8025' },
  },
});
