// What every account form's server action answers, and the small helpers they share (kept out of the
// 'use server' modules, which may export only actions).

export type FormState = {
  /** Per-field messages, shown under each input. */
  errors?: Partial<Record<string, string>>;
  /** A message for the whole form (wrong password, rate limit, server trouble). */
  formError?: string;
  /** A confirmation (password changed). */
  notice?: string;
  /** A mail went out (or, to an address with no account, the same answer is given): the form says where to look. */
  mailed?: { to: string; toLog: boolean };
  /** What the reader typed, to refill the form after a failed no-JavaScript post (never passwords). */
  values?: { email?: string; name?: string };
};

export const SERVER_TROUBLE = '服务暂时不可用，请稍后再试';

/** A text field of a posted form, or undefined (a file or nothing). */
export function text(formData: FormData, key: string): string | undefined {
  const v = formData.get(key);
  return typeof v === 'string' ? v : undefined;
}

export function retryMessage(seconds: number): string {
  return seconds >= 120
    ? `尝试次数过多，请在 ${Math.ceil(seconds / 60)} 分钟后再试`
    : `尝试次数过多，请在 ${seconds} 秒后再试`;
}
