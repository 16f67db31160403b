import { describe, expect, it } from 'vitest';
import { listenOptions, responseCacheBytes } from './serve.mjs';

describe('npm start: the response cache setting', () => {
  it('keeps 64 MB by default, reads RESPONSE_CACHE_MB, and 0 turns it off', () => {
    expect(responseCacheBytes({})).toBe(64 * 1024 * 1024);
    expect(responseCacheBytes({ RESPONSE_CACHE_MB: '16' })).toBe(16 * 1024 * 1024);
    expect(responseCacheBytes({ RESPONSE_CACHE_MB: '0' })).toBe(0);
  });

  it('names the variable when its value is not a size', () => {
    expect(() => responseCacheBytes({ RESPONSE_CACHE_MB: 'lots' })).toThrow(/RESPONSE_CACHE_MB.*"lots"/);
    expect(() => responseCacheBytes({ RESPONSE_CACHE_MB: '-1' })).toThrow(/RESPONSE_CACHE_MB/);
  });
});

describe('npm start: where it listens', () => {
  it('reads PORT and HOSTNAME, and -p/-H as `next start` does', () => {
    expect(listenOptions([], {})).toEqual({ port: 3000, hostname: undefined });
    expect(listenOptions([], { PORT: '4000', HOSTNAME: '127.0.0.1' })).toEqual({ port: 4000, hostname: '127.0.0.1' });
    expect(listenOptions(['-p', '5000', '-H', '0.0.0.0'], { PORT: '4000' })).toEqual({
      port: 5000,
      hostname: '0.0.0.0',
    });
    expect(listenOptions(['--port=5001', '--hostname', 'localhost'], {})).toEqual({
      port: 5001,
      hostname: 'localhost',
    });
  });

  it('refuses options it does not know, and bad ports, naming them', () => {
    expect(() => listenOptions(['--keepAliveTimeout', '70000'], {})).toThrow(/unknown option "--keepAliveTimeout"/);
    expect(() => listenOptions(['-p', 'eighty'], {})).toThrow(/port .*"NaN"|port/);
  });
});
