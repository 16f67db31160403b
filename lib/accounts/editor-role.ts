// Who counts as an editor: the editor role (given with `npm run user:role`), or an address listed in
// EDITOR_EMAILS that the account has proved it owns. An unverified address grants nothing: anyone can
// sign up with any address. Pure, so it is testable without next-auth.
import type { UserRole } from '@/lib/db/schema';
import { getConfig } from '@/lib/config';

export function isEditor(
  user: { email: string; role: UserRole; emailVerified: Date | null },
  editorEmails: readonly string[] = getConfig().editorEmails,
): boolean {
  if (user.role === 'editor') return true;
  return user.emailVerified !== null && editorEmails.includes(user.email.trim().toLowerCase());
}
