import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: fast unit tests (happy-dom / fake-indexeddb), the shared store server
// (node; PGlite always, PostgreSQL when reachable) and end-to-end tests that drive the
// built extension in Debian's Chromium and Firefox ESR.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['utils/**/*.test.ts', 'components/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'server/webapp/**/*.test.tsx', 'server/webapp/**/*.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: ['@hypothesis/frontend-shared'] } },
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          // The web app's own tests are browser code: the unit project runs them in happy-dom.
          exclude: ['server/webapp/**'],
          environment: 'node',
          // One PGlite instance per file (~1 s from a template); files run one after another
          // because several spawn real store processes and share PostgreSQL's `test` database.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // A loaded 2-core machine can take seconds to repaint; polls still fail when nothing happens.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
