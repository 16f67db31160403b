import { describe, expect, it } from 'vitest';
import { formatTable, verdict } from './report';
import {
  ArgsError,
  firstArticlePath,
  losingAudits,
  parseLighthouseArgs,
  resultRows,
  type LighthouseResult,
} from './lighthouse-report';

describe('parseLighthouseArgs', () => {
  it('defaults to starting the site, reporting without failing', () => {
    expect(parseLighthouseArgs([])).toEqual({ url: null, article: null, strict: false, out: null, help: false });
  });

  it('reads a running server, an article, --strict and --out, with or without =', () => {
    expect(
      parseLighthouseArgs([
        '--url',
        'http://127.0.0.1:3000/anything',
        '--article=/articles/a',
        '--strict',
        '--out',
        'lh',
      ]),
    ).toEqual({
      url: 'http://127.0.0.1:3000',
      article: '/articles/a',
      strict: true,
      out: 'lh',
      help: false,
    });
  });

  it('names the argument that is wrong', () => {
    expect(() => parseLighthouseArgs(['--url'])).toThrow(new ArgsError('--url needs a value'));
    expect(() => parseLighthouseArgs(['--url', 'localhost:3000'])).toThrow(/--url: "localhost:3000" is not http\(s\)/);
    expect(() => parseLighthouseArgs(['--url', 'not a url'])).toThrow(/--url: "not a url" is not a URL/);
    expect(() => parseLighthouseArgs(['--article', 'articles/a'])).toThrow(/--article: "articles\/a" must be a path/);
    expect(() => parseLighthouseArgs(['--fast'])).toThrow(/unknown argument "--fast"/);
  });
});

function result(
  scores: Record<string, number | null>,
  metrics: { lcp: number; cls: number; tbt: number },
): LighthouseResult {
  const categories: LighthouseResult['categories'] = {};
  for (const [id, score] of Object.entries(scores)) {
    categories[id] = {
      title: id,
      score,
      auditRefs:
        id === 'seo'
          ? [
              { id: 'meta-description', weight: 1 },
              { id: 'robots-txt', weight: 1 },
            ]
          : [],
    };
  }
  return {
    categories,
    audits: {
      'largest-contentful-paint': { title: 'LCP', score: 1, scoreDisplayMode: 'numeric', numericValue: metrics.lcp },
      'cumulative-layout-shift': { title: 'CLS', score: 1, scoreDisplayMode: 'numeric', numericValue: metrics.cls },
      'total-blocking-time': { title: 'TBT', score: 1, scoreDisplayMode: 'numeric', numericValue: metrics.tbt },
      'meta-description': { title: 'Document has a meta description', score: 0, scoreDisplayMode: 'binary' },
      'robots-txt': { title: 'robots.txt is valid', score: 1, scoreDisplayMode: 'binary' },
    },
  };
}

describe('resultRows', () => {
  const lhr = result(
    { performance: 0.964, accessibility: 1, 'best-practices': 1, seo: 0.92 },
    { lcp: 1834.6, cls: 0.00041, tbt: 12.2 },
  );

  it('keeps the four scores out of 100 and LCP, CLS, TBT, judged against the targets', () => {
    const rows = resultRows('home /', lhr);
    expect(rows.map((r) => [r.metric, r.value, verdict(r)])).toEqual([
      ['performance', 96, 'pass'],
      ['accessibility', 100, 'pass'],
      ['best practices', 100, 'pass'],
      ['SEO', 92, 'fail'],
      ['LCP', 1835, 'n/a'],
      ['CLS', 0, 'pass'],
      ['TBT', 12, 'n/a'],
    ]);
  });

  it('fails any layout shift a reader could see', () => {
    const shifted = resultRows('a', result({ performance: 1 }, { lcp: 1, cls: 0.012, tbt: 0 }));
    const cls = shifted.find((r) => r.metric === 'CLS');
    expect(cls && verdict(cls)).toBe('fail');
  });

  it('says why a figure is missing', () => {
    const broken = {
      ...result({ performance: null }, { lcp: 0, cls: 0, tbt: 0 }),
      runtimeError: { code: 'NO_FCP', message: 'no paint' },
    };
    expect(resultRows('a', broken)[0]).toMatchObject({ value: null, note: 'NO_FCP' });
  });

  it('prints as one table with a section per page', () => {
    const table = formatTable([...resultRows('home /', lhr), ...resultRows('article /articles/a', lhr)]);
    expect(table).toContain('[home /]');
    expect(table).toContain('[article /articles/a]');
    expect(table).toMatch(/performance\s+96\s+>= 95\s+✓ pass/);
    expect(table).toMatch(/SEO\s+92\s+>= 100\s+✗ FAIL/);
    expect(table).toMatch(/LCP\s+1,835 ms/);
    expect(table).toContain('targets: 8/10 met');
  });
});

describe('losingAudits', () => {
  it('lists the audits that cost a category below 100 its points', () => {
    const lhr = result({ performance: 1, seo: 0.92 }, { lcp: 1, cls: 0, tbt: 0 });
    expect(losingAudits(lhr)).toEqual(['SEO: meta-description — Document has a meta description, score 0']);
  });
});

describe('firstArticlePath', () => {
  it('finds the first article link on a page', () => {
    expect(
      firstArticlePath(
        '<a href="/categories/x">x</a><a href="/articles/night-train-notes#top">a</a><a href="/articles/b">b</a>',
      ),
    ).toBe('/articles/night-train-notes');
    expect(firstArticlePath('<p>nothing</p>')).toBeNull();
  });
});
