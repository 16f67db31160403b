// A real SMTP server on loopback for the end-to-end tests (started by playwright.config.ts): it accepts
// every message Hutong sends through SMTP_URL and writes it, raw, into a folder the tests read
// (e2e/support/mail.ts). No authentication, no TLS: it listens on 127.0.0.1 only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const [dir = '.e2e/mail', port = '3125'] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const name = `${Date.now()}-${crypto.randomBytes(4).toString('hex')}.eml`;
      // Written beside, then renamed: a reader never sees half a message.
      fs.writeFileSync(path.join(dir, `${name}.part`), Buffer.concat(chunks));
      fs.renameSync(path.join(dir, `${name}.part`), path.join(dir, name));
      callback();
    });
  },
});
server.listen(Number(port), '127.0.0.1', () => console.log(`mail catcher: smtp://127.0.0.1:${port} → ${dir}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
