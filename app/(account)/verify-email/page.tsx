import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { VerifyEmailForm } from '@/components/account/verify-email-form';
import { getCurrentUser } from '@/lib/accounts/auth';
import { peekEmailToken } from '@/lib/accounts/mail/email-tokens';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: '验证邮箱', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const [owner, user] = await Promise.all([
    token ? peekEmailToken(await getDb(), token, 'verify') : null,
    getCurrentUser(),
  ]);
  if (!token || !owner) {
    return (
      <AuthCard title="链接已失效">
        <p className="text-fg">这个验证链接已经过期或用过了（链接 24 小时内有效，只能用一次）。</p>
        <Link
          href={user ? '/account#verify' : '/signin?callbackUrl=%2Faccount'}
          className="inline-flex h-10 items-center rounded-md bg-accent px-4 text-accent-fg hover:opacity-90"
        >
          {user ? '重新发送验证邮件' : '登录后重新发送'}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="验证邮箱">
      <VerifyEmailForm token={token} email={owner.email} signedIn={Boolean(user)} />
    </AuthCard>
  );
}
