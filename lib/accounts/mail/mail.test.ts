// Account mail without a mail server goes to the server log, link and all, so `npm start` works for a
// newcomer; with SMTP_URL it goes to that server (a real one on loopback here), links built from SITE_URL.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseServerConfig } from '@/lib/config/server';
import { mailGoesToLog, passwordResetMail, sendMail, signUpAttemptMail, verificationMail } from './mail';

const TOKEN = 'A'.repeat(43);

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { __hutongMailer?: unknown }).__hutongMailer;
});

describe('account mail', () => {
  it('writes the whole message, link included, to the server log when SMTP_URL is unset', async () => {
    const config = parseServerConfig({});
    expect(mailGoesToLog(config)).toBe(true);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await sendMail(verificationMail('reader@example.com', TOKEN), config);
    const logged = lines.join('\n');
    expect(logged).toContain('SMTP_URL is not set');
    expect(logged).toContain('To: reader@example.com');
    expect(logged).toContain(`/verify-email?token=${TOKEN}`);
  });

  it('builds every link from SITE_URL and writes it out in the text part', () => {
    for (const mail of [
      verificationMail('a@example.com', TOKEN),
      passwordResetMail('a@example.com', TOKEN),
      signUpAttemptMail('a@example.com'),
    ]) {
      const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
      expect(links.length).toBe(1);
      expect(links[0]).toMatch(/^http:\/\/localhost:3000\//);
      expect(mail.html).toContain(links[0]!.replace(/&/g, '&#38;'));
    }
  });

  it('delivers through the SMTP server in SMTP_URL', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      const config = parseServerConfig({
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: '"胡同" <no-reply@hutong.test>',
      });
      expect(mailGoesToLog(config)).toBe(false);
      await sendMail(passwordResetMail('reader@example.com', TOKEN), config);
      const mail = await simpleParser(received[0]!);
      expect(mail.subject).toContain('重置');
      expect(mail.from?.text).toContain('no-reply@hutong.test');
      expect(mail.text).toContain(`/reset-password?token=${TOKEN}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('names the variable when SMTP_URL is not an SMTP address', () => {
    expect(() => parseServerConfig({ SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => parseServerConfig({ OIDC_ISSUER: 'https://id.example.com' })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together/,
    );
  });
});
