// next.config.mjs adds the site index the build's index step wrote, and content/, to Next's file traces
// for platforms that package the server from them (Vercel, a standalone build, or TRACE_CONTENT=1):
// elsewhere `next start` reads both from disk, and Next reads every traced file (a large index costs the
// build gigabytes of memory, thousands of articles seconds).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  // The default build folder (.next), whatever the test run sets (vitest.config.mts).
  for (const [key, value] of Object.entries({ NEXT_DIST_DIR: '', ...env })) vi.stubEnv(key, value);
  // A plain JavaScript module without types: imported by URL and given the one field read here.
  const url = new URL('../../next.config.mjs', import.meta.url).href;
  const mod = (await import(/* @vite-ignore */ url)) as {
    default: (phase: string) => Promise<{ outputFileTracingIncludes?: Record<string, string[]>; output?: string }>;
  };
  return mod.default('phase-production-build');
}

const INDEX = ['.hutong/next/site.db'];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('next.config.mjs content traces', () => {
  it('leaves the index and content/ out of the traces for a plain next build', async () => {
    const config = await loadConfig({ VERCEL: '', TRACE_CONTENT: '', NEXT_OUTPUT: '' });
    expect(config.outputFileTracingIncludes).toEqual({});
    expect(config.output).toBeUndefined();
  });

  it('traces content/ on Vercel', async () => {
    const config = await loadConfig({ VERCEL: '1', TRACE_CONTENT: '', NEXT_OUTPUT: '' });
    expect(config.outputFileTracingIncludes).toEqual({ '/**': [...INDEX, 'content/**/*'] });
  });

  it('traces content/ when TRACE_CONTENT=1', async () => {
    const config = await loadConfig({ VERCEL: '', TRACE_CONTENT: '1', NEXT_OUTPUT: '' });
    expect(config.outputFileTracingIncludes).toEqual({ '/**': [...INDEX, 'content/**/*'] });
  });

  it('packages a standalone server, with the index and content/, when NEXT_OUTPUT=standalone', async () => {
    const config = await loadConfig({ VERCEL: '', TRACE_CONTENT: '', NEXT_OUTPUT: 'standalone' });
    expect(config.output).toBe('standalone');
    expect(config.outputFileTracingIncludes).toEqual({ '/**': [...INDEX, 'content/**/*'] });
  });
});

describe('next.config.mjs in a server', () => {
  /** What a new Node process that loads the config for `phase` has installed of the code cache. */
  function installedAfterLoading(phase: string, distDir: string) {
    const script = `
      const { default: config } = await import(${JSON.stringify(pathToFileURL(path.resolve('next.config.mjs')).href)});
      await config(${JSON.stringify(phase)});
      const { installedCodeCache } = await import(${JSON.stringify(pathToFileURL(path.resolve('server/code-cache.mjs')).href)});
      console.log(JSON.stringify(installedCodeCache()?.mode ?? null));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', NEXT_DIST_DIR: distDir, HUTONG_CODE_CACHE: '' },
    });
    return JSON.parse(out.trim().split('\n').pop()!) as string | null;
  }

  it('installs the build’s code cache as `next start` loads it, before most of Next’s server code', async () => {
    const { flagsKey } = await import('@/server/code-cache.mjs');
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-next-config-'));
    try {
      // A build folder whose warm-up saved a cache for a plain `node` (no flags).
      fs.mkdirSync(path.join(distDir, 'cache', 'hutong', 'code', flagsKey([], '')), { recursive: true });
      expect(installedAfterLoading('phase-production-server', distDir)).toBe('hook');
      // Not while building, nor in development.
      expect(installedAfterLoading('phase-production-build', distDir)).toBeNull();
      expect(installedAfterLoading('phase-development-server', distDir)).toBeNull();
    } finally {
      fs.rmSync(distDir, { recursive: true, force: true });
    }
  });
});
