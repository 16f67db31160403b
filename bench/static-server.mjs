// The bench's baseline: the plainest useful static file server, reading the saved page from disk on every request.
// Usage: node scripts/bench/static-server.mjs <file> <port|0>; prints "listening on <port>" when ready.
import { readFile } from 'node:fs/promises';
import http from 'node:http';

const [file, portArg = '0'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/static-server.mjs <file> <port|0>');
  process.exit(2);
}

const server = http.createServer(async (req, res) => {
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
});

server.listen(Number(portArg), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : portArg}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Idle keep-alive sockets from the load generator would otherwise hold close() open.
    server.closeAllConnections();
  });
}
