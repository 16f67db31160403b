// The signed-in editor, for Draft Mode and the drafts page.
import { getCurrentUser } from '@/lib/auth';
import type { AccountUser } from '@/lib/auth/users';
import { isEditor } from '@/lib/editor-role';

/** The signed-in editor (checked against the database), or null for visitors and readers. */
export async function getCurrentEditor(): Promise<AccountUser | null> {
  const user = await getCurrentUser();
  return user && isEditor(user) ? user : null;
}
