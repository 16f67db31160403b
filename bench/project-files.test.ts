import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guardNextTouchedFiles } from './project-files';

const original =
  '{\n  "compilerOptions": { "strict": true },\n  "include": ["next-env.d.ts", "**/*.ts", ".next/types/**/*.ts"]\n}\n';
// What next build writes for distDir .bench/next-1000: its own formatting plus two includes.
const rewritten = JSON.stringify(
  {
    compilerOptions: { strict: true },
    include: [
      'next-env.d.ts',
      '**/*.ts',
      '.next/types/**/*.ts',
      '.bench/next-1000/types/**/*.ts',
      '.bench/next-1000/dev/types/**/*.ts',
    ],
  },
  null,
  2,
);
const envBefore = '/// <reference types="next" />\nimport "./.next/types/routes.d.ts";\n';
const envAfter = '/// <reference types="next" />\nimport "./.bench/next-1000/types/routes.d.ts";\n';

let root = '';
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-project-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  return root;
}

const readFile = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');

describe('guardNextTouchedFiles', () => {
  it('puts back the tsconfig.json and next-env.d.ts a bench build rewrote', () => {
    project({ 'tsconfig.json': original, 'next-env.d.ts': envBefore });
    const guard = guardNextTouchedFiles(root, '.bench/next-1000');
    fs.writeFileSync(path.join(root, 'tsconfig.json'), rewritten);
    fs.writeFileSync(path.join(root, 'next-env.d.ts'), envAfter);
    expect(guard.restore()).toEqual({ restored: ['tsconfig.json', 'next-env.d.ts'], kept: [] });
    expect(readFile('tsconfig.json')).toBe(original);
    expect(readFile('next-env.d.ts')).toBe(envBefore);
  });

  it('removes a next-env.d.ts that only the build created', () => {
    project({ 'tsconfig.json': original });
    const guard = guardNextTouchedFiles(root, '.bench/next-1000');
    fs.writeFileSync(path.join(root, 'next-env.d.ts'), envAfter);
    expect(guard.restore().restored).toEqual(['next-env.d.ts']);
    expect(fs.existsSync(path.join(root, 'next-env.d.ts'))).toBe(false);
  });

  it('leaves a tsconfig.json alone when someone else changed it during the build', () => {
    project({ 'tsconfig.json': original });
    const guard = guardNextTouchedFiles(root, '.bench/next-1000');
    const edited = rewritten.replace('"strict": true', '"strict": false');
    fs.writeFileSync(path.join(root, 'tsconfig.json'), edited);
    expect(guard.restore()).toEqual({ restored: [], kept: ['tsconfig.json'] });
    expect(readFile('tsconfig.json')).toBe(edited);
  });

  it('does nothing when the build changed nothing', () => {
    project({ 'tsconfig.json': original, 'next-env.d.ts': envBefore });
    expect(guardNextTouchedFiles(root, '.bench/next-1000').restore()).toEqual({ restored: [], kept: [] });
  });
});
