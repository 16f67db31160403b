import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { ResetPasswordForm } from '@/components/account/reset-password-form';
import { peekEmailToken } from '@/lib/accounts/mail/email-tokens';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: '设置新密码', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  // Opening the link uses nothing up: only the form's post does.
  const owner = token ? await peekEmailToken(await getDb(), token, 'reset') : null;
  if (!token || !owner) {
    return (
      <AuthCard title="链接已失效">
        <p className="text-fg">这个重置链接已经过期或用过了（链接 1 小时内有效，只能用一次）。</p>
        <Link
          href="/forgot-password"
          className="inline-flex h-10 items-center rounded-md bg-accent px-4 text-accent-fg hover:opacity-90"
        >
          重新申请
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="设置新密码" subtitle={`为 ${owner.email} 设置新密码。设置后，所有设备上的登录都会退出。`}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
