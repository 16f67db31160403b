// Judges a new password with zxcvbn-ts (its common-password and keyboard-pattern data): length rules
// alone accept 12345678, aaaaaaaa or the address's own name. Feedback is given in zh-CN (the library
// has no Chinese translation, so its keys are translated here). Server-side only: the dictionaries are
// about a megabyte and must not reach the reader's phone; they load on the first password set.
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

/**
 * At least 10^8 guesses (zxcvbn's estimate): about a hundred days of one core trying argon2id, and
 * far beyond what sign-in throttling lets through. zxcvbn's 0–4 score puts exactly 10^8 in 2, which
 * refuses eight random ASCII characters and eight hanzi alike, so the estimate itself is compared.
 */
export const MIN_GUESSES_LOG10 = 8;

/**
 * Passwords Chinese readers use most that zxcvbn's common list (English-centred) does not know: pinyin
 * phrases and number puns, from published rankings of leaked Chinese passwords.
 */
const COMMON_ZH = [
  '5201314',
  '1314520',
  'woaini',
  'woaini1314',
  'woaini520',
  'woaini521',
  'iloveyou1314',
  'wodemima',
  'mima',
  'mima123',
  'nihao',
  'nihao123',
  'qq123456',
  'qq5201314',
  'a123456',
  'aa123456',
  'a123456789',
  'abc123456',
  'asd123456',
  'qwe123456',
  'zxc123456',
  '123456abc',
  '147258369',
  '147258',
  '159357',
  '123qwe',
  'aini1314',
  'laopo',
  'laogong',
  'baobei',
  'baobei520',
  'zhangwei',
  'wangwei',
  'wangfang',
  'liwei',
  'lina',
  'zhangyong',
  'wangjing',
  'liuyang',
  'zhang123',
  'wang123',
  'li123456',
  'zhongguo',
  'beijing',
  'shanghai',
  'shenzhen',
  'guangzhou',
  'huawei',
  'xiaomi',
  'tencent',
  'taobao',
  'weixin',
  'hutong',
];

const WARNINGS: Record<string, string> = {
  straightRow: '键盘上连成一排的按键很容易猜到。',
  keyPattern: '键盘上的简单图形很容易猜到。',
  simpleRepeat: '“aaa” 这样的重复字符很容易猜到。',
  extendedRepeat: '“abcabcabc” 这样的重复片段很容易猜到。',
  sequences: '“abc”“123” 这样的顺序很容易猜到。',
  recentYears: '最近的年份很容易猜到。',
  dates: '日期很容易猜到。',
  topTen: '这是最常用的十个密码之一。',
  topHundred: '这是最常用的一百个密码之一。',
  common: '这是一个常用密码。',
  similarToCommon: '这和一个常用密码很像。',
  wordByItself: '单个词语很容易猜到。',
  namesByThemselves: '单独的姓名很容易猜到。',
  commonNames: '常见的姓名很容易猜到。',
  userInputs: '密码里不要有你的邮箱、昵称或本站名称。',
  pwned: '这个密码出现在已泄露的密码库里。',
};
const SUGGESTIONS: Record<string, string> = {
  l33t: '把字母换成形近的数字（如 a→@）并不能让密码更难猜。',
  reverseWords: '把常用词倒过来写并不能让密码更难猜。',
  allUppercase: '可以只把部分字母写成大写，而不是全部。',
  capitalization: '大写字母可以放在中间，而不只是开头。',
  dates: '不要用和你有关的日期或年份。',
  recentYears: '不要用最近的年份。',
  associatedYears: '不要用和你有关的年份。',
  sequences: '不要用常见的字符顺序。',
  repeated: '不要重复词语或字符。',
  longerKeyboardPattern: '用更长的键盘图形，并多变几次方向。',
  anotherWord: '再加几个不常见的词。',
  useWords: '用几个互不相关的词连成一句话，比复杂的符号更好记也更安全。',
  noNeed: '不必用符号、数字或大写字母，长一点就够了。',
  pwned: '如果别处也用过这个密码，请一并修改。',
};
const TIME: Record<string, string> = Object.fromEntries(
  [
    'ltSecond',
    'second',
    'seconds',
    'minute',
    'minutes',
    'hour',
    'hours',
    'day',
    'days',
    'month',
    'months',
    'year',
    'years',
    'centuries',
  ].map((k) => [k, k]),
);

let factory: Promise<ZxcvbnFactory> | undefined;

function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, 'passwords-zh': COMMON_ZH },
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: true,
        translations: { warnings: WARNINGS, suggestions: SUGGESTIONS, timeEstimation: TIME } as never,
      }),
  );
  return factory;
}

export type StrengthVerdict = { ok: true } | { ok: false; message: string };

/**
 * Whether `password` is strong enough, judged also against what the reader typed elsewhere in the form
 * (the address, its local part, the nickname) and the site's name; the reason in zh-CN when not.
 */
export async function judgePassword(
  password: string,
  context: { email?: string | null; name?: string | null; siteName?: string },
): Promise<StrengthVerdict> {
  const inputs = [context.email, context.email?.split('@')[0], context.name, context.siteName].filter(
    (v): v is string => Boolean(v && v.trim()),
  );
  // zxcvbn is quadratic in the length; past 100 characters a password is long enough to judge its start.
  const result: ZxcvbnResult = (await loadFactory()).check(password.slice(0, 100), inputs);
  if (password.trim() === '') return { ok: false, message: '密码不能只有空格。' };
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return { ok: true };
  const warning = result.feedback.warning ? `${result.feedback.warning}` : '这个密码太容易被猜到。';
  const suggestion = result.feedback.suggestions[0] ?? SUGGESTIONS.useWords;
  return { ok: false, message: `${warning}${suggestion}` };
}
