'use server';
// 清除阅读记录 on the account page: a server action that works as a plain form post and checks the session itself.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/accounts/auth';
import type { FormState } from './actions';
import { getDb } from '@/lib/db/client';
import { clearReadingHistory } from '@/lib/accounts/reading-history';

export async function clearReadingHistoryAction(): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  let removed: number;
  try {
    removed = await clearReadingHistory(await getDb(), user.id);
  } catch (error) {
    console.error('[reading-history] clearing failed:', error);
    return { formError: '服务暂时不可用，请稍后再试' };
  }
  revalidatePath('/account');
  return { notice: removed > 0 ? `已清除 ${removed} 篇文章的阅读记录` : '没有需要清除的阅读记录' };
}
