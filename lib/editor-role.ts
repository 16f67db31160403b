// Who counts as an editor: the editor role, or an email listed in EDITOR_EMAILS. Pure, so it is testable without next-auth.
import type { UserRole } from '@/lib/db/schema';
import { getConfig } from '@/lib/config';

export function isEditor(user: { email: string; role: UserRole }, editorEmails: readonly string[] = getConfig().editorEmails): boolean {
  return user.role === 'editor' || editorEmails.includes(user.email.trim().toLowerCase());
}
