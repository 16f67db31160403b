// Shown on the sign-in and sign-up pages to a reader who is already signed in (for example without JavaScript,
// where the header cannot tell).
import Link from 'next/link';
import type { AccountUser } from '@/lib/accounts/users/users';
import { SignOutForm } from './sign-out-form';

export function SignedInNotice({
  user,
  callbackUrl,
}: {
  user: Pick<AccountUser, 'email' | 'name'>;
  callbackUrl: string;
}) {
  return (
    <div className="space-y-4">
      <p className="text-fg">
        你已登录为 <strong>{user.name ?? user.email}</strong>
        {user.name ? <span className="text-muted">（{user.email}）</span> : null}。
      </p>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {callbackUrl !== '/' ? (
          <li>
            <Link href={callbackUrl} className="text-accent underline underline-offset-2 hover:decoration-2">
              继续
            </Link>
          </li>
        ) : null}
        <li>
          <Link href="/bookmarks" className="text-accent underline underline-offset-2 hover:decoration-2">
            我的收藏
          </Link>
        </li>
        <li>
          <Link href="/account" className="text-accent underline underline-offset-2 hover:decoration-2">
            账户
          </Link>
        </li>
      </ul>
      <SignOutForm />
    </div>
  );
}
