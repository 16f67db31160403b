// The rules for what a reader types into the account forms: normalized emails, password length, display names.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 40;

/** The one form an email is stored and compared in, so "Ann@Example.com " and "ann@example.com" are one account. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Counted in characters as a reader sees them (code points), not UTF-16 units. */
function characterCount(s: string): number {
  return [...s].length;
}

export const emailSchema = z
  .string({ error: '请输入邮箱' })
  .transform(normalizeEmail)
  .pipe(z.string().min(1, '请输入邮箱').max(254, '邮箱太长了').pipe(z.email('邮箱格式不正确')));

export const passwordSchema = z
  .string({ error: '请输入密码' })
  .refine((p) => p.length > 0, '请输入密码')
  .refine(
    (p) => p.length === 0 || characterCount(p) >= PASSWORD_MIN_LENGTH,
    `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  )
  .refine((p) => characterCount(p) <= PASSWORD_MAX_LENGTH, `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);

export const nameSchema = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim().replace(/\s+/g, ' '))
  .refine((v) => characterCount(v) <= NAME_MAX_LENGTH, `昵称不能超过 ${NAME_MAX_LENGTH} 个字符`)
  .transform((v) => (v === '' ? null : v));

export const signUpSchema = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema });

/** Sign-in checks only presence: length rules must not tell an attacker which accounts predate them. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: '请输入密码' })
    .min(1, '请输入密码')
    .max(PASSWORD_MAX_LENGTH * 4, '密码或邮箱不正确'),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码'),
    newPassword: passwordSchema,
    confirmPassword: z.string().optional(),
  })
  .refine((v) => v.confirmPassword === undefined || v.confirmPassword === v.newPassword, {
    path: ['confirmPassword'],
    message: '两次输入的新密码不一致',
  });

/** A new password chosen through a reset link: typed twice, the same both times. */
export const resetPasswordSchema = z
  .object({ newPassword: passwordSchema, confirmPassword: z.string().optional() })
  .refine((v) => v.confirmPassword === undefined || v.confirmPassword === v.newPassword, {
    path: ['confirmPassword'],
    message: '两次输入的新密码不一致',
  });

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field, for showing under each input. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out as FieldErrors<K>;
}
