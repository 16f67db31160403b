import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, waitForHttp } from './http';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('waitForHttp', () => {
  it('keeps asking until the server listens, then returns its first answer, whatever the status', async () => {
    const port = await freePort();
    // Nothing listens yet: the first attempts are refused.
    setTimeout(() => {
      server = http.createServer((_req, res) => res.writeHead(404).end('还没有这篇'));
      server.listen(port, '127.0.0.1');
    }, 150);
    const first = await waitForHttp(`http://127.0.0.1:${port}/articles/old`, { timeoutMs: 10_000 });
    expect(first.status).toBe(404);
    expect(first.body.toString('utf8')).toBe('还没有这篇');
  });

  it('gives up when the server process is gone, naming the address', async () => {
    const port = await freePort();
    await expect(waitForHttp(`http://127.0.0.1:${port}/`, { gone: () => true })).rejects.toThrow(
      `the server exited before answering http://127.0.0.1:${port}/`,
    );
  });
});
