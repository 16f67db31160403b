import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { FormMessage } from '@/components/account/form-parts';
import { OAuthButtons } from '@/components/account/oauth-buttons';
import { SignInForm } from '@/components/account/sign-in-form';
import { SignedInNotice } from '@/components/account/signed-in-notice';
import { getCurrentUser, oauthProviders } from '@/lib/accounts/auth';
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';

export const metadata: Metadata = { title: '登录', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** next-auth sends OAuth failures here as ?error=…; readers get a sentence, not a code. */
const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    '这个邮箱已经在本站注册过账户。为了安全，我们不会把第三方登录自动并入已有账户：请用邮箱和密码登录（忘记密码可以重置）。',
  AccessDenied: '登录被拒绝。',
  EmailRequired: '这个登录服务没有提供邮箱地址，无法用它登录本站。',
  Configuration: '登录服务配置有误，请联系站点管理员。',
  Verification: '登录链接已失效，请重试。',
};

/** What the page says after an account flow sent the reader here. */
const NOTICES: Record<string, string> = {
  deleted: '账户已删除，所有收藏已一并清除。',
  'password-reset': '新密码已设置，所有设备上的登录都已退出。请用新密码登录。',
  'signed-out-everywhere': '已退出所有设备上的登录。',
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const user = await getCurrentUser();
  if (user) {
    return (
      <AuthCard title="登录">
        <SignedInNotice user={user} callbackUrl={callbackUrl} />
      </AuthCard>
    );
  }
  const error = first(params.error);
  const errorMessage =
    error && error !== 'CredentialsSignin' ? (OAUTH_ERRORS[error] ?? '登录失败，请重试。') : undefined;
  const notice = NOTICES[first(params.notice) ?? ''];
  const signUpHref = callbackUrl === '/' ? '/signup' : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="登录"
      subtitle="登录后可以收藏文章，在任何设备上找到它们。"
      footer={
        <>
          还没有账户？
          <Link href={signUpHref} className="text-accent underline underline-offset-2 hover:decoration-2">
            注册
          </Link>
        </>
      }
    >
      <FormMessage error={errorMessage} notice={notice} />
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-right text-sm">
        <Link href="/forgot-password" className="text-accent underline underline-offset-2 hover:decoration-2">
          忘记密码？
        </Link>
      </p>
      <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
