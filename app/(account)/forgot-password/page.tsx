import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';

export const metadata: Metadata = { title: '忘记密码', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="忘记密码"
      subtitle="输入注册时用的邮箱，我们会发给你一个设置新密码的链接。"
      footer={
        <Link href="/signin" className="text-accent underline underline-offset-2 hover:decoration-2">
          想起来了，去登录
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
