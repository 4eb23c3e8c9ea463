import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/**
 * The group's web app (`npm run build:webapp`): Preact + @hypothesis/frontend-shared +
 * Tailwind like the extension (wxt.config.ts), built to `.output/webapp/` for the store to
 * serve. Everything goes in files under `assets/` (no inline script or style: the store's
 * Content-Security-Policy allows only 'self').
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  plugins: [preact(), tailwindcss()],
  build: {
    outDir: path.join(root, '.output/webapp'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Never inline a small asset as a data: URL or the polyfill as an inline script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [root] } },
});
