// next.config.mjs always adds the site index the build's index step wrote to Next's file traces, and
// content/ only for platforms that package the server from them (Vercel, a standalone build, or
// TRACE_CONTENT=1): elsewhere `next start` reads the folder directly, and tracing thousands of articles
// costs the build seconds and hundreds of MiB.
import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
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
  it('leaves content/ out of the traces for a plain next build', async () => {
    const config = await loadConfig({ VERCEL: '', TRACE_CONTENT: '', NEXT_OUTPUT: '' });
    expect(config.outputFileTracingIncludes).toEqual({ '/**': INDEX });
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
