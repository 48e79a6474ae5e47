import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const clientRoot = fileURLToPath(new URL('./client', import.meta.url));

export default defineConfig({
  root: clientRoot,
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // maplibre-gl and deck.gl are split into lazily loaded chunks; they are large by nature.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:3000',
        // client/api/*.ts are source modules with the same prefix: Vite serves those itself.
        bypass: (req) => (/\.[cm]?[jt]s(?:[?#]|$)/.test(req.url ?? '') ? req.url : undefined),
      },
    },
  },
  test: {
    // Tests live in tests/ at the repository root, not under the client root.
    root: repoRoot,
    include: ['tests/**/*.test.ts'],
    // Migrates the test database and loads the demo district once per run.
    globalSetup: ['tests/global-setup.ts'],
    // e2e tests drive software WebGL on a 2-core CI machine: minutes, not seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
