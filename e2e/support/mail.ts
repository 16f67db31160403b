// Reads the mail Hutong sent during the end-to-end tests, from the folder the loopback SMTP server
// (mail-catcher.mjs) writes, parsed the way a mail client would (quoted-printable and all).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export const MAIL_DIR = path.resolve('.e2e/mail');

export type ReceivedMail = {
  file: string;
  /** The recipients as written (display form). */
  to: string;
  /** The recipients' bare addresses, lower-cased: what `waitForMail` and `mailsTo` compare with. */
  addresses: string[];
  subject: string;
  text: string;
  links: string[];
};

async function readAll(): Promise<ReceivedMail[]> {
  const names = (await readdir(MAIL_DIR).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  const mails: ReceivedMail[] = [];
  for (const file of names) {
    const parsed = await simpleParser(await readFile(path.join(MAIL_DIR, file)));
    const groups = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
    const to = groups.map((a) => a.text).join(', ');
    const addresses = groups.flatMap((g) => g.value.map((a) => (a.address ?? '').toLowerCase()));
    const text = parsed.text ?? '';
    mails.push({
      file,
      to,
      addresses,
      subject: parsed.subject ?? '',
      text,
      links: [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]),
    });
  }
  return mails;
}

/**
 * Whether `to` is one of the mail's recipients: the whole address, never a part of one (a mail to
 * pending-editor-desktop@… is not a mail to editor-desktop@…).
 */
function isTo(mail: ReceivedMail, to: string): boolean {
  return mail.addresses.includes(to.toLowerCase());
}

/** Waits for a mail to `to` whose subject matches, not one of those already `seen`. */
export async function waitForMail(
  to: string,
  subject: RegExp,
  options: { seen?: Set<string>; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const found = (await readAll()).find((m) => isTo(m, to) && subject.test(m.subject) && !options.seen?.has(m.file));
    if (found) {
      options.seen?.add(found.file);
      return found;
    }
    if (Date.now() > deadline)
      throw new Error(`no mail to ${to} with a subject like ${subject} arrived within the time allowed`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every mail sent to `to` so far. */
export async function mailsTo(to: string): Promise<ReceivedMail[]> {
  return (await readAll()).filter((m) => isTo(m, to));
}

/** The one link in a mail that leads to `pathname` on the site under test. */
export function linkTo(mail: ReceivedMail, pathname: string): string {
  const link = mail.links.find((l) => new URL(l).pathname === pathname);
  if (!link) throw new Error(`the mail "${mail.subject}" has no link to ${pathname}: ${mail.links.join(', ')}`);
  return link;
}
