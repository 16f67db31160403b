// Delivers an account mail unless its recipient has had too many lately: a stranger may not turn the
// sign-up or reset forms into a way of flooding someone's inbox. The forms answer the same either way.
import crypto from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { hitRateLimit } from '@/lib/accounts/limits/rate-limit';
import { sendMail, type Mail } from './mail';
import { normalizeEmail } from '../users/validation';

const PER_RECIPIENT = { limit: 5, windowMs: 60 * 60 * 1000 };

export async function deliverAccountMail(mail: Mail): Promise<'sent' | 'limited' | 'failed'> {
  try {
    const digest = crypto.createHash('sha256').update(normalizeEmail(mail.to)).digest('base64url');
    const limit = await hitRateLimit(await getDb(), `mail:to:${digest}`, PER_RECIPIENT);
    if (!limit.allowed) {
      console.warn(
        `[mail] not sending "${mail.subject}": its recipient had ${PER_RECIPIENT.limit} account mails this hour`,
      );
      return 'limited';
    }
    await sendMail(mail);
    return 'sent';
  } catch (error) {
    console.error('[mail]', (error as Error).message);
    return 'failed';
  }
}
