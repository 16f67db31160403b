'use client';
// The signed-in reader's menu under their name: 我的收藏, 我的划线, 我的关注, 草稿 (editors), 账户 and 退出. Its code loads when
// the reader first opens the menu (or reaches for the button), not with every page.
import Link from 'next/link';
import { signOutAction } from './sign-out-action';
import { markSignedOut, type ReaderUser } from './reader-state';

export default function UserMenuPanel({
  id,
  user,
  pathname,
  followingNew,
  close,
}: {
  id: string;
  user: ReaderUser;
  pathname: string;
  followingNew: number;
  close: () => void;
}) {
  return (
    <div id={id} className="absolute right-0 z-40 mt-1 w-44 rounded-md border border-line bg-bg py-1 shadow-lg">
      <p className="truncate border-b border-line px-3 pt-1 pb-2 text-xs text-muted">{user.email}</p>
      <ul className="py-1">
        <li>
          <Link href="/bookmarks" className="block px-3 py-1.5 text-sm text-fg hover:bg-surface" onClick={close}>
            我的收藏
          </Link>
        </li>
        <li>
          <Link href="/highlights" className="block px-3 py-1.5 text-sm text-fg hover:bg-surface" onClick={close}>
            我的划线
          </Link>
        </li>
        <li>
          <Link href="/following" className="flex px-3 py-1.5 text-sm text-fg hover:bg-surface" onClick={close}>
            <span className="flex-1">我的关注</span>
            {followingNew > 0 ? (
              <span className="text-accent">{followingNew > 99 ? '99+' : followingNew} 篇新</span>
            ) : null}
          </Link>
        </li>
        {user.editor ? (
          <li>
            <Link href="/drafts" className="block px-3 py-1.5 text-sm text-fg hover:bg-surface" onClick={close}>
              草稿
            </Link>
          </li>
        ) : null}
        <li>
          <Link href="/account" className="block px-3 py-1.5 text-sm text-fg hover:bg-surface" onClick={close}>
            账户
          </Link>
        </li>
        <li>
          <form action={signOutAction} onSubmit={() => markSignedOut()}>
            <input
              type="hidden"
              name="callbackUrl"
              value={['/account', '/bookmarks', '/highlights', '/following'].includes(pathname) ? '/' : pathname}
            />
            <button type="submit" className="block w-full px-3 py-1.5 text-left text-sm text-fg hover:bg-surface">
              退出
            </button>
          </form>
        </li>
      </ul>
    </div>
  );
}
