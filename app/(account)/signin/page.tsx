import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { FormMessage } from '@/components/auth/form-parts';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SignedInNotice } from '@/components/auth/signed-in-notice';
import { getCurrentUser, oauthProviders } from '@/lib/auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: '登录', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** next-auth sends OAuth failures here as ?error=…; readers get a sentence, not a code. */
const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: '这个邮箱已用密码注册。请用邮箱和密码登录。',
  AccessDenied: '登录被拒绝。',
  Configuration: '登录服务配置有误，请联系站点管理员。',
  Verification: '登录链接已失效，请重试。',
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
  const errorMessage = error && error !== 'CredentialsSignin' ? (OAUTH_ERRORS[error] ?? '登录失败，请重试。') : undefined;
  const notice = first(params.notice) === 'deleted' ? '账户已删除，所有收藏已一并清除。' : undefined;
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
      <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
