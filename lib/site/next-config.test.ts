// next.config.mjs adds the site index the build's index step wrote, and content/, to Next's file traces
// for platforms that package the server from them (Vercel, a standalone build, or TRACE_CONTENT=1):
// elsewhere `next start` reads both from disk, and Next reads every traced file (a large index costs the
// build gigabytes of memory, thousands of articles seconds).
import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  // The default build folder (.next), whatever the test run sets (vitest.config.mts).
  for (const [key, value] of Object.entries({ NEXT_DIST_DIR: '', ...env })) vi.stubEnv(key, value);
  // A plain JavaScript module without types: imported by URL and given the one field read here.
  const url = new URL('../../next.config.mjs', import.meta.url).href;
  const mod = (await import(/* @vite-ignore */ url)) as {
    default: { outputFileTracingIncludes?: Record<string, string[]>; output?: string };
  };
  return mod.default;
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
