import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

const refusal = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('the environment configuration', () => {
  it('has a default for every variable', () => {
    expect(parseConfig({})).toMatchObject({
      siteUrl: 'http://localhost:3000',
      siteName: '胡同',
      timeZone: 'Asia/Shanghai',
      strictContent: false,
      prerenderArticles: 200,
      pageSize: 8,
      editorEmails: [],
    });
  });

  it('reads what is set, trimmed and normalised', () => {
    expect(
      parseConfig({
        SITE_URL: ' https://hutong.example/blog/ ',
        SITE_NAME: '  ',
        STRICT_CONTENT: 'yes',
        PRERENDER_ARTICLES: '0',
        PAGE_SIZE: '20',
        EDITOR_EMAILS: 'Ed@Example.com, b@y.org\nc@z.net',
        SITE_TIMEZONE: 'UTC',
      }),
    ).toMatchObject({
      siteUrl: 'https://hutong.example/blog',
      siteName: '胡同',
      strictContent: true,
      prerenderArticles: 0,
      pageSize: 20,
      editorEmails: ['ed@example.com', 'b@y.org', 'c@z.net'],
      timeZone: 'UTC',
    });
  });

  it.each([
    [{ PAGE_SIZE: 'many' }, 'PAGE_SIZE: expected a whole number ≥ 0, got "many"'],
    [{ PAGE_SIZE: '0' }, 'PAGE_SIZE: PAGE_SIZE must be between 1 and 100'],
    [{ PRERENDER_ARTICLES: '-3' }, 'PRERENDER_ARTICLES: expected a whole number ≥ 0, got "-3"'],
    [{ SITE_TIMEZONE: 'Mars/Base' }, 'SITE_TIMEZONE: "Mars/Base" is not an IANA time zone'],
    [{ SITE_URL: 'ftp://files.example' }, 'SITE_URL: "ftp://files.example" is not an absolute http(s) URL'],
    [{ STRICT_CONTENT: 'maybe' }, 'STRICT_CONTENT: expected 1, 0, true, false, yes or no, got "maybe"'],
  ])('refuses %j, naming the variable and what to write', (env, line) => {
    const message = refusal(env);
    expect(message).toContain(line);
    expect(message).toContain('see README');
  });

  it('lists every bad variable at once', () => {
    const message = refusal({ PAGE_SIZE: 'x', SITE_URL: 'nope' });
    expect(message).toContain('PAGE_SIZE:');
    expect(message).toContain('SITE_URL:');
  });
});
