import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Tests that compile a corpus write the site index of the build folder they are told of: not the demo
    // build's (.hutong/next/site.db), which a server running beside the tests (npm start, the e2e server) reads.
    env: { NEXT_DIST_DIR: '.vitest-build' },
    // CI also writes a JSON report that .ci/run adds up into one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-out/vitest.json' }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
