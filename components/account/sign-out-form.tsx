// The plain 退出登录 form used on server-rendered account pages; it works without JavaScript.
import { signOutAction } from './sign-out-action';

export function SignOutForm({ callbackUrl = '/' }: { callbackUrl?: string }) {
  return (
    <form action={signOutAction}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className="text-sm text-muted underline hover:text-fg">
        退出登录
      </button>
    </form>
  );
}
