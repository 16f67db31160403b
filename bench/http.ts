// Plain HTTP helpers for the bench: exact bytes on the wire (no transparent decompression), timed, and a free port.
import http from 'node:http';
import net from 'node:net';

export type HttpResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** From sending the request to the last byte of the body. */
  ms: number;
};

export function httpGet(url: string, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url}: no response within ${timeoutMs} ms`)));
    req.on('error', (error) => reject(new Error(`GET ${url}: ${error.message}`, { cause: error })));
  });
}

/** A port nothing listens on right now (the OS picks it); good enough for a server started next. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/**
 * Polls `url` every `intervalMs` until it answers with any status (returned), or fails once `gone()` or the
 * timeout says so. The interval bounds how late the answer is seen: a start-up figure polled every 200 ms
 * read ~100 ms long on average.
 */
export async function waitForHttp(
  url: string,
  {
    timeoutMs = 120_000,
    intervalMs = 25,
    gone = () => false,
  }: { timeoutMs?: number; intervalMs?: number; gone?: () => boolean } = {},
): Promise<HttpResponse> {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < deadline) {
    if (gone()) throw new Error(`the server exited before answering ${url}`);
    try {
      return await httpGet(url, {}, 5_000);
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`no answer from ${url} within ${Math.round(timeoutMs / 1000)} s (last error: ${last})`);
}
