import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { OAuthButtons } from '@/components/account/oauth-buttons';
import { SignUpForm } from '@/components/account/sign-up-form';
import { SignedInNotice } from '@/components/account/signed-in-notice';
import { getCurrentUser, oauthProviders } from '@/lib/accounts/auth';
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';

export const metadata: Metadata = { title: '注册', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw);
  const user = await getCurrentUser();
  if (user) {
    return (
      <AuthCard title="注册">
        <SignedInNotice user={user} callbackUrl={callbackUrl} />
      </AuthCard>
    );
  }
  const signInHref = callbackUrl === '/' ? '/signin' : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="注册"
      subtitle="用邮箱注册一个账户，收藏的文章会跟着你走。"
      footer={
        <>
          已有账户？
          <Link href={signInHref} className="text-accent underline underline-offset-2 hover:decoration-2">
            登录
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} signInHref={signInHref} />
      <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
