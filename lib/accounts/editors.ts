// The signed-in editor, for Draft Mode and the drafts page.
import { getCurrentUser } from './auth';
import type { AccountUser } from '@/lib/accounts/users/users';
import { isEditor } from './editor-role';

/** The signed-in editor (checked against the database), or null for visitors and readers. */
export async function getCurrentEditor(): Promise<AccountUser | null> {
  const user = await getCurrentUser();
  return user && isEditor(user) ? user : null;
}
