import { describe, expect, it } from 'vitest';
import { judgePassword } from './password-strength';

const context = { email: 'annwang@example.com', name: '安', siteName: '胡同' };

describe('password strength (zxcvbn-ts with its common-password data)', () => {
  it.each([
    ['12345678', /顺序|常用/],
    ['aaaaaaaa', /重复/],
    ['        ', /空格/],
    ['annwang1', /邮箱|昵称|猜到/],
    ['annwang@example.com', /邮箱|昵称/],
    ['password1', /常用/],
    ['qwertyuiop', /常用|键盘/],
    ['woaini1314', /常用|猜到/],
    ['5201314abc', /常用|猜到/],
  ])('refuses %j and says why in zh-CN', async (password, reason) => {
    const verdict = await judgePassword(password, context);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.message).toMatch(reason);
      expect(verdict.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each([
    'correct horse battery',
    'lanterns-in-the-rain',
    'Tr0ub4dour&3',
    'xK9#mQ2$',
    '胡同里的早晨真好',
    'hutong-e2e-密码',
  ])('accepts %j', async (password) => {
    expect(await judgePassword(password, context)).toEqual({ ok: true });
  });
});
