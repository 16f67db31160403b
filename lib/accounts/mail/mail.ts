// Sends the account mails (verify the address, reset the password, "someone tried to sign up") through
// nodemailer: to the SMTP server in SMTP_URL, or, with none set (the embedded default, `npm start` on a
// laptop), into the server log, so a newcomer can still follow the link. Links are always built from
// SITE_URL, never from the request's Host header, so a forged Host cannot point a mail elsewhere.
import nodemailer, { type Transporter } from 'nodemailer';
import { absoluteUrl, getConfig } from '@/lib/config';
import { getServerConfig, type ServerConfig } from '@/lib/config/server';

export type Mail = { to: string; subject: string; text: string; html: string };

/** Whether mail really leaves the server, or only reaches the log (the forms then say where to look). */
export function mailGoesToLog(config: ServerConfig = getServerConfig()): boolean {
  return config.smtpUrl === null;
}

type MailGlobal = typeof globalThis & { __hutongMailer?: Transporter };

function transporter(config: ServerConfig): Transporter {
  const g = globalThis as MailGlobal;
  g.__hutongMailer ??= config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  return g.__hutongMailer;
}

function fromAddress(config: ServerConfig): string {
  if (config.mailFrom) return config.mailFrom;
  const { siteName, siteUrl } = getConfig();
  return `"${siteName.replace(/"/g, '')}" <no-reply@${new URL(siteUrl).hostname}>`;
}

/**
 * Sends one mail. Failing to reach the SMTP server is logged with the recipient's domain only and
 * rethrown: the caller tells the reader to try again later.
 */
export async function sendMail(mail: Mail, config: ServerConfig = getServerConfig()): Promise<void> {
  const message = { from: fromAddress(config), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
  try {
    await transporter(config).sendMail(message);
  } catch (error) {
    throw new Error(
      `sending "${mail.subject}" to …@${mail.to.split('@').at(-1)} through SMTP_URL failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (mailGoesToLog(config)) {
    console.log(
      `[mail] SMTP_URL is not set, so this mail is written here instead of being sent.\n  To: ${mail.to}\n  Subject: ${mail.subject}\n${mail.text.replace(/^/gm, '  | ')}`,
    );
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain mail with one button: the text part is complete on its own (the link written out). */
function linkMail(
  to: string,
  subject: string,
  lines: string[],
  link: { label: string; url: string } | null,
  after: string[],
): Mail {
  const { siteName } = getConfig();
  const text = [...lines, ...(link ? ['', `${link.label}：`, link.url] : []), '', ...after, '', `—— ${siteName}`].join(
    '\n',
  );
  const html =
    `<div style="font-family: PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, sans-serif; line-height: 1.7; max-width: 32rem">` +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    (link
      ? `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:8px 16px;background:#8a4b2a;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>` +
        `<p style="color:#666;font-size:13px">按钮无法点击时，把这个地址复制到浏览器：<br>${escapeHtml(link.url)}</p>`
      : '') +
    after.map((l) => `<p style="color:#666;font-size:13px">${escapeHtml(l)}</p>`).join('') +
    `<p style="color:#666">—— ${escapeHtml(siteName)}</p></div>`;
  return { to, subject, text, html };
}

export function verificationMail(to: string, token: string): Mail {
  const { siteName } = getConfig();
  return linkMail(
    to,
    `验证你在${siteName}的邮箱`,
    [
      `你好！有人用这个邮箱在${siteName}注册了账户。`,
      '点击下面的链接确认这是你的邮箱。链接 24 小时内有效，只能用一次。',
    ],
    { label: '验证邮箱', url: absoluteUrl(`/verify-email?token=${token}`) },
    ['如果你没有注册过，请忽略这封邮件：不点击链接，这个邮箱就不会被确认。'],
  );
}

export function passwordResetMail(to: string, token: string): Mail {
  const { siteName } = getConfig();
  return linkMail(
    to,
    `重置你在${siteName}的密码`,
    [
      '我们收到了重置这个账户密码的请求。',
      '点击下面的链接设置新密码。链接 1 小时内有效，只能用一次；设置后，所有设备上的登录都会退出。',
    ],
    { label: '设置新密码', url: absoluteUrl(`/reset-password?token=${token}`) },
    ['如果不是你本人的请求，请忽略这封邮件，你的密码不会改变。'],
  );
}

/** To the owner of an address someone tried to sign up with again: the form said the same as for a new one. */
export function signUpAttemptMail(to: string): Mail {
  const { siteName } = getConfig();
  return linkMail(
    to,
    `有人尝试用你的邮箱注册${siteName}`,
    [
      `有人刚刚尝试用这个邮箱在${siteName}注册账户，但这个邮箱已经注册过了，所以没有创建新账户。`,
      '如果是你本人，直接登录即可；忘记了密码，可以在登录页重置。',
    ],
    { label: '去登录', url: absoluteUrl('/signin') },
    ['如果不是你本人，你无需做任何事：你的账户没有任何改变。'],
  );
}
