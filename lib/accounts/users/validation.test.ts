import { describe, expect, it } from 'vitest';
import { changePasswordSchema, fieldErrors, normalizeEmail, signInSchema, signUpSchema } from './validation';

const ok = (password: string) => signUpSchema.safeParse({ email: 'a@example.com', password }).success;

describe('account form rules', () => {
  it('trims and lower-cases emails', () => {
    expect(normalizeEmail('  Ann.Lee@Example.COM\t')).toBe('ann.lee@example.com');
    expect(signUpSchema.parse({ email: ' Ann@Example.com ', password: 'abcdefgh' }).email).toBe('ann@example.com');
  });

  it('accepts passwords of 8 to 256 characters, counted as characters a reader sees', () => {
    expect(ok('1234567')).toBe(false);
    expect(ok('12345678')).toBe(true);
    expect(ok('x'.repeat(256))).toBe(true);
    expect(ok('x'.repeat(257))).toBe(false);
    // Four emoji are 8 UTF-16 units but only 4 characters.
    expect(ok('😀😀😀😀')).toBe(false);
    expect(ok('胡同里的老槐树下')).toBe(true);
    expect(ok('😀'.repeat(256))).toBe(true);
  });

  it('keeps spaces inside passwords as typed', () => {
    expect(signUpSchema.parse({ email: 'a@example.com', password: '  spaced  ' }).password).toBe('  spaced  ');
  });

  it('explains each problem in Chinese under its field', () => {
    const result = signUpSchema.safeParse({ email: 'not-an-email', password: 'short', name: '名'.repeat(41) });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      email: '邮箱格式不正确',
      password: '密码至少需要 8 个字符',
      name: '昵称不能超过 40 个字符',
    });
    const empty = signUpSchema.safeParse({ email: '', password: '' });
    expect(empty.success ? {} : fieldErrors(empty.error)).toEqual({ email: '请输入邮箱', password: '请输入密码' });
  });

  it('treats a blank nickname as none', () => {
    expect(signUpSchema.parse({ email: 'a@example.com', password: 'abcdefgh', name: '   ' }).name).toBeNull();
    expect(signUpSchema.parse({ email: 'a@example.com', password: 'abcdefgh', name: ' 老  王 ' }).name).toBe('老 王');
  });

  it('does not apply length rules at sign-in, so old short passwords still get the generic answer', () => {
    expect(signInSchema.safeParse({ email: 'a@example.com', password: 'short' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'a@example.com', password: '' }).success).toBe(false);
  });

  it('requires the confirmation to match a new password', () => {
    const r = changePasswordSchema.safeParse({
      currentPassword: 'x',
      newPassword: 'abcdefgh',
      confirmPassword: 'abcdefgX',
    });
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ confirmPassword: '两次输入的新密码不一致' });
  });
});
