import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // CommonJS files (server/start.cjs, server/bundle.cjs, lib/search/jieba-dict.cjs) load what they use with require().
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    '.bench/**',
    '.data/**',
    '.e2e/**',
    '.hutong/**',
    '.ci-out/**',
    'playwright-report/**',
    'test-results/**',
  ]),
]);
