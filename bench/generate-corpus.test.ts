import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanContent } from '@/lib/content/load';
import { renderCorpusArticle } from './corpus-article';
import { addCorpusArticles, CORPUS_MARKER, generateCorpus } from './generate-corpus';
import { DEMO_IMAGES } from './demo-images';

const SEED = 424242;
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-corpus-'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** The corpus files (marker excluded) by name. */
function readDir(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    if (name !== CORPUS_MARKER) out.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return out;
}

describe('generateCorpus', () => {
  it('writes 50 articles, half in the reference format and half in Markdown, that gray-matter reads with every field', async () => {
    const dir = path.join(root, 'fifty');
    const summary = await generateCorpus({ dir, count: 50, seed: SEED });
    expect(summary.count).toBe(50);
    expect(summary.files).toHaveLength(50);
    const names = fs.readdirSync(dir).filter((n) => n !== CORPUS_MARKER);
    expect(names.sort()).toEqual([...summary.files].sort());

    const sizes = new Map(DEMO_IMAGES.map((i) => [`/demo/${i.file}`, i]));
    for (const name of names) {
      expect(name).toMatch(/^\d{5}_[0-9a-f]{16}\.(html|txt|md)$/);
      const { data, content } = matter(fs.readFileSync(path.join(dir, name), 'utf8'));
      expect(typeof data.title, name).toBe('string');
      expect(data.title.length).toBeGreaterThan(0);
      expect(Array.isArray(data.categories)).toBe(true);
      expect(data.categories.length).toBeGreaterThanOrEqual(1);
      expect(data.categories.length).toBeLessThanOrEqual(3);
      expect(typeof data.comments).toBe('boolean');
      // RFC-1123 exactly as the reference writes it, within the ten-year window.
      expect(data.date).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:00 GMT$/);
      const when = new Date(data.date as string);
      expect(when.toUTCString()).toBe(data.date);
      expect(when.getUTCFullYear()).toBeGreaterThanOrEqual(2015);
      expect(when.getUTCFullYear()).toBeLessThanOrEqual(2024);
      if (data.author !== undefined) expect(typeof data.author).toBe('string');
      if (data.headimg !== undefined) {
        expect(sizes.has(data.headimg), data.headimg).toBe(true);
        expect(data.thumbnail).toBe(data.headimg);
      }

      const bodyBytes = Buffer.byteLength(content.trim(), 'utf8');
      expect(bodyBytes, name).toBeGreaterThanOrEqual(3 * 1024);
      expect(bodyBytes, name).toBeLessThanOrEqual(15 * 1024);
      const index = Number(name.slice(0, 5));
      if (index % 2 === 1) {
        // Markdown, as Hexo authors write it: no wrapper, ## headings, ![](…) images (a few pasted as lazy <img>).
        expect(name).toMatch(/\.md$/);
        expect(content.trim().startsWith('<')).toBe(false);
        const headings = content.match(/^## .+$/gm) ?? [];
        expect(headings.length).toBeGreaterThanOrEqual(1);
        expect(headings.length).toBeLessThanOrEqual(4);
        const srcs = [...content.matchAll(/!\[[^\]]*\]\((\/demo\/[^ )]+)|<img data-src="([^"]+)"/g)].map(
          (m) => m[1] ?? m[2],
        );
        expect(srcs.length).toBeLessThanOrEqual(4);
        for (const src of srcs) expect(sizes.has(src!), `${name}: ${src}`).toBe(true);
        continue;
      }
      expect(content.trim().startsWith('<div>')).toBe(true);
      expect(content.trim().endsWith('</div>')).toBe(true);
      const headings = content.match(/<h3 label="大标题" class="text-big-title">[^<]+<\/h3>/g) ?? [];
      expect(headings.length).toBeGreaterThanOrEqual(1);
      expect(headings.length).toBeLessThanOrEqual(4);

      const images = [...content.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
      expect(images.length).toBeLessThanOrEqual(4);
      for (const img of images) {
        const src = /(?:_src|data-src)="([^"]+)"/.exec(img)?.[1] ?? '';
        const image = sizes.get(src);
        expect(image, `${name}: ${src}`).toBeDefined();
        expect(img).toContain(`data-w="${image?.width}" data-h="${image?.height}"`);
        expect(fs.existsSync(path.join(process.cwd(), 'public', src))).toBe(true);
      }
    }
  });

  it('is accepted by the content loader with no problems', async () => {
    const dir = path.join(root, 'loader');
    const summary = await generateCorpus({ dir, count: 50, seed: SEED });
    const { articles, problems } = scanContent({ dir, timeZone: 'Asia/Shanghai' });
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(50);
    expect(articles.filter((a) => a.draft)).toHaveLength(summary.drafts);
    for (const a of articles) {
      expect(a.toc.length).toBeGreaterThanOrEqual(1);
      expect(a.excerpt.length).toBeGreaterThan(0);
      // Nothing of the Markdown is left raw in what the listings show.
      expect(a.excerpt).not.toMatch(/\*\*|!\[|\]\(|^#/);
    }
    expect(articles.filter((a) => a.format === 'markdown')).toHaveLength(25);
  });

  it('writes the same bytes for the same seed and different ones for another seed', async () => {
    const a = path.join(root, 'same-a');
    const b = path.join(root, 'same-b');
    const c = path.join(root, 'other');
    await generateCorpus({ dir: a, count: 50, seed: SEED });
    await generateCorpus({ dir: b, count: 50, seed: SEED });
    await generateCorpus({ dir: c, count: 50, seed: SEED + 1 });
    const first = readDir(a);
    expect(readDir(b)).toEqual(first);
    const other = readDir(c);
    expect([...other.keys()]).not.toEqual([...first.keys()]);
    expect([...other.values()].filter((text) => [...first.values()].includes(text))).toHaveLength(0);
  });

  it('makes a smaller corpus the prefix of a larger one with the same seed', async () => {
    const small = path.join(root, 'small');
    const large = path.join(root, 'large');
    await generateCorpus({ dir: small, count: 10, seed: SEED });
    await generateCorpus({ dir: large, count: 50, seed: SEED });
    const big = readDir(large);
    for (const [name, text] of readDir(small)) expect(big.get(name)).toBe(text);
  });

  it('wipes its own earlier output but refuses to wipe a folder it did not create', async () => {
    const dir = path.join(root, 'rerun');
    await generateCorpus({ dir, count: 5, seed: SEED });
    fs.writeFileSync(path.join(dir, 'stale.html'), 'left over');
    await generateCorpus({ dir, count: 3, seed: SEED });
    expect(fs.readdirSync(dir).filter((n) => n !== CORPUS_MARKER)).toHaveLength(3);

    const precious = path.join(root, 'precious');
    fs.mkdirSync(precious);
    fs.writeFileSync(path.join(precious, 'keep.html'), 'mine');
    await expect(generateCorpus({ dir: precious, count: 3 })).rejects.toThrow(/refusing to wipe/);
    expect(fs.readFileSync(path.join(precious, 'keep.html'), 'utf8')).toBe('mine');
  });

  it('spreads articles over many categories, authors and search words, with about 1% drafts', () => {
    const sample = Array.from({ length: 3000 }, (_, i) => renderCorpusArticle(SEED, i));
    const parsed = sample.map((s) => matter(s.text));
    const categories = new Set(parsed.flatMap((p) => p.data.categories as string[]));
    const authors = new Set(parsed.map((p) => p.data.author).filter(Boolean));
    const drafts = sample.filter((s) => s.draft).length;
    expect(categories.size).toBeGreaterThanOrEqual(18);
    expect(authors.size).toBeGreaterThanOrEqual(45);
    expect(parsed.some((p) => p.data.author === undefined)).toBe(true);
    expect(drafts).toBeGreaterThan(10);
    expect(drafts).toBeLessThan(60);
    // Search tests need these words in a fair share of articles, but far from all of them.
    for (const word of ['微信', '淘宝', '互联互通', '外链']) {
      const hits = parsed.filter((p) => p.content.includes(word)).length;
      expect(hits, word).toBeGreaterThan(sample.length * 0.05);
      expect(hits, word).toBeLessThan(sample.length * 0.4);
    }
  });
});

describe('addCorpusArticles', () => {
  it('adds new files dated after every article, the same ones for the same seed, and only to a generated corpus', async () => {
    const dir = path.join(root, 'grown');
    await generateCorpus({ dir, count: 30, seed: SEED });
    const before = scanContent({ dir, timeZone: 'UTC' }).articles;
    const newestBefore = Math.max(...before.map((a) => Date.parse(a.date)));

    const added = await addCorpusArticles(dir, 30, 5, SEED);
    expect(added).toHaveLength(5);
    const after = scanContent({ dir, timeZone: 'UTC' });
    const fresh = after.articles.filter((a) => added.includes(a.file));
    expect(fresh).toHaveLength(5);
    expect(after.articles).toHaveLength(before.length + 5);
    for (const a of fresh) expect(Date.parse(a.date)).toBeGreaterThan(newestBefore);

    const again = path.join(root, 'grown-again');
    await generateCorpus({ dir: again, count: 30, seed: SEED });
    expect(await addCorpusArticles(again, 30, 5, SEED)).toEqual(added);
    expect(fs.readFileSync(path.join(again, added[0] as string), 'utf8')).toBe(
      fs.readFileSync(path.join(dir, added[0] as string), 'utf8'),
    );

    const stranger = path.join(root, 'not-a-corpus');
    fs.mkdirSync(stranger);
    await expect(addCorpusArticles(stranger, 0, 1, SEED)).rejects.toThrow(/not a generated corpus/);
    expect(fs.readdirSync(stranger)).toEqual([]);
  });
});
