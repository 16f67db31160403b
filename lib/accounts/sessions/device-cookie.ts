// The device cookie (OWASP's defence against lockout by strangers): after a successful sign-in the
// browser keeps a signed note "this browser signed into account X". Sign-in attempts that carry it are
// throttled on their own, so strangers failing on purpose can slow down anyone but the owner on their
// own devices (lib/accounts/users/users.ts). It grants nothing by itself: the password is still checked.
import crypto from 'node:crypto';

export const DEVICE_COOKIE = 'hutong-device';
export const DEVICE_COOKIE_MAX_AGE_SEC = 365 * 24 * 60 * 60;

export type DeviceNote = { userId: string; nonce: string };

function mac(payload: string, secret: string): string {
  return crypto.createHmac('sha256', `hutong-device-cookie:${secret}`).update(payload).digest('base64url');
}

export function signDeviceNote(userId: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, n: crypto.randomBytes(16).toString('base64url') })).toString(
    'base64url',
  );
  return `${payload}.${mac(payload, secret)}`;
}

/** The note a cookie carries, or null when it is missing, malformed or not signed with this secret. */
export function readDeviceNote(value: string | undefined, secret: string): DeviceNote | null {
  if (!value || value.length > 512) return null;
  const [payload, signature, ...rest] = value.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const note = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; n?: unknown };
    return typeof note.u === 'string' && typeof note.n === 'string' ? { userId: note.u, nonce: note.n } : null;
  } catch {
    return null;
  }
}
