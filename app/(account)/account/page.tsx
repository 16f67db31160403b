import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ClearHistoryForm } from '@/components/account/clear-history-form';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { DeviceList } from '@/components/account/device-list';
import { ResendVerificationForm } from '@/components/account/resend-verification-form';
import { getCurrentUser } from '@/lib/accounts/auth';
import { listSessions } from '@/lib/accounts/sessions/sessions';
import { SignOutForm } from '@/components/account/sign-out-form';
import { listBookmarks } from '@/lib/accounts/bookmarks';
import { countHighlights } from '@/lib/accounts/highlights';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { formatDay } from '@/lib/format/date';
import { countReadingHistory, READING_HISTORY_LIMIT } from '@/lib/accounts/reading-history';

export const metadata: Metadata = { title: '账户', robots: { index: false } };

function Section({ title, id, children, tone }: { title: string; id: string; children: ReactNode; tone?: 'danger' }) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border p-5 sm:p-6 ${tone === 'danger' ? 'border-accent/40' : 'border-line'}`}
    >
      <h2 id={id} className={`text-lg font-bold ${tone === 'danger' ? 'text-accent' : 'text-fg'}`}>
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  const db = await getDb();
  const [{ total }, read, devices, highlightCount] = await Promise.all([
    listBookmarks(db, user.id, 1, 1),
    countReadingHistory(db, user.id),
    listSessions(db, user.id),
    countHighlights(db, user.id),
  ]);
  const { timeZone } = getConfig();
  const now = new Date();

  return (
    <div className="mx-auto w-full max-w-2xl space-y-6 px-4 py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-fg">账户</h1>
        <SignOutForm />
      </div>

      <Section title="基本信息" id="profile">
        <dl className="grid grid-cols-[5rem_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted">邮箱</dt>
          <dd className="break-all text-fg">
            {user.email}{' '}
            {user.emailVerified ? (
              <span className="text-muted">（已验证）</span>
            ) : (
              <strong className="font-medium text-accent">（未验证）</strong>
            )}
          </dd>
          <dt className="text-muted">昵称</dt>
          <dd className="text-fg">{user.name ?? <span className="text-muted">未设置</span>}</dd>
          <dt className="text-muted">注册于</dt>
          <dd className="text-fg">
            <time dateTime={user.createdAt.toISOString()}>{formatDay(user.createdAt.toISOString(), timeZone)}</time>
          </dd>
          <dt className="text-muted">收藏</dt>
          <dd className="text-fg">
            <Link href="/bookmarks" className="text-accent underline underline-offset-2 hover:decoration-2">
              {total} 篇
            </Link>
          </dd>
          <dt className="text-muted">划线与笔记</dt>
          <dd className="text-fg">
            <Link href="/highlights" className="text-accent underline underline-offset-2 hover:decoration-2">
              {highlightCount} 条
            </Link>
          </dd>
        </dl>
      </Section>

      {user.emailVerified ? null : (
        <Section title="验证邮箱" id="verify">
          <p className="mb-4 text-sm text-muted">
            点击发到 {user.email}{' '}
            的验证链接，证明这个邮箱属于你。在那之前，账户照常可以收藏和阅读，但不会获得编辑等需要确认身份的权限。
          </p>
          <ResendVerificationForm />
        </Section>
      )}

      <Section title="修改密码" id="password">
        {user.hasPassword ? (
          <ChangePasswordForm />
        ) : (
          <p className="text-sm text-muted">
            此账户通过第三方登录，没有密码。想用邮箱和密码登录的话，可以在登录页用“忘记密码”设置一个。
          </p>
        )}
      </Section>

      <Section title="登录设备" id="devices">
        <p className="mb-4 text-sm text-muted">
          这些设备上登录着你的账户。丢了手机或在别人的电脑上登录过，可以在这里退出。
        </p>
        <DeviceList sessions={devices} current={user.sessionId} timeZone={timeZone} now={now} />
      </Section>

      <Section title="阅读记录" id="history">
        <p className="mb-4 text-sm text-muted">
          首页的“继续阅读”来自你最近打开的文章（保留最近 {READING_HISTORY_LIMIT} 篇），在所有设备上同步。现有 {read}{' '}
          篇。
        </p>
        <ClearHistoryForm />
      </Section>

      <Section title="导出收藏与划线" id="export">
        <p className="text-sm text-muted">
          下载全部收藏（标题、链接、收藏时间）、阅读记录和划线笔记，JSON 格式。划线也可以在
          <Link href="/highlights" className="text-accent underline underline-offset-2">
            我的划线
          </Link>
          导出为 Markdown。
        </p>
        <a
          href="/api/bookmarks/export"
          download
          className="mt-4 inline-flex h-10 items-center rounded-md border border-line px-4 text-sm text-fg hover:bg-surface"
        >
          下载 JSON
        </a>
      </Section>

      <Section title="删除账户" id="delete" tone="danger">
        <p className="mb-4 text-sm text-muted">
          删除后，账户、全部 {total} 篇收藏、{highlightCount} 条划线与笔记和阅读记录会立即永久清除。
        </p>
        <DeleteAccountForm hasPassword={user.hasPassword} />
      </Section>
    </div>
  );
}
