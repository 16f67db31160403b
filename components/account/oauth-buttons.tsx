// GitHub / Google sign-in buttons, shown only for providers whose keys are configured.
import { oauthSignInAction } from './actions';
import type { OAuthProviderInfo } from '@/lib/accounts/auth';

export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProviderInfo[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-3 text-xs text-muted before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">
        或
      </p>
      {providers.map((p) => (
        <form key={p.id} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className="inline-flex h-10 w-full items-center justify-center rounded-md border border-line bg-bg px-4 text-base text-fg hover:bg-surface"
          >
            使用 {p.name} 登录
          </button>
        </form>
      ))}
    </div>
  );
}
