// Test helpers for the discovery features: ArticleMeta records without a content folder, and small
// content folders in the reference format (published articles, drafts, relative links, hostile bytes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleMeta } from '@/lib/content/types';

let counter = 0;

export function fakeMeta(fields: Partial<ArticleMeta> & { title: string }): ArticleMeta {
  counter++;
  return {
    slug: fields.slug ?? `article-${counter}`,
    date: fields.date ?? '2021-12-01T10:52:00.000Z',
    categories: [],
    tags: [],
    author: null,
    headimg: null,
    thumbnail: null,
    comments: false,
    draft: false,
    updated: null,
    format: 'html',
    aliases: [],
    file: `${fields.slug ?? `article-${counter}`}.html`,
    toc: [],
    excerpt: '',
    charCount: 0,
    readingMinutes: 1,
    firstImage: null,
    ...fields,
  };
}

/** Newest first, as the content index hands them out. */
export function newestFirst<T extends { meta: ArticleMeta } | ArticleMeta>(items: T[]): T[] {
  const dateOf = (item: T) => ('meta' in item ? item.meta.date : item.date);
  return [...items].sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
}

export type SiteFile = { name: string; title: string; date: string; body: string; front?: string[] };

/** A content file in the reference format (YAML front matter + HTML body). */
export function contentFile({ title, date, body, front = [] }: Omit<SiteFile, 'name'>): string {
  return ['---', `title: '${title.replace(/'/g, "''")}'`, `date: ${date}`, ...front, '---', '', body, ''].join('\n');
}

/** Writes a content folder into a fresh temporary directory; returns it and a cleanup. */
export function writeSite(files: SiteFile[]): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-discovery-'));
  for (const f of files) {
    const full = path.join(dir, f.name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, contentFile(f));
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A small site: two published articles with categories, tags, relative links and hostile bytes; two drafts. */
export const DEMO_SITE: SiteFile[] = [
  {
    name: 'hutong.html',
    title: '胡同里的早晨',
    date: 'Wed, 01 Dec 2021 10:52:00 GMT',
    front: ['categories: ', ' - 城市', ' - 生活', 'author: 老王', "headimg: '/demo/hutong.jpg'", 'tags:', ' - 胡同'],
    body:
      '<div><p>卖豆浆的推车准时出现。<a href="/articles/tea">另一篇</a>，<a href="#user-content-x">本文小节</a>。</p>' +
      '<h3 label="大标题" class="text-big-title">院门里外</h3>' +
      '<p class="img-center"><img src="/demo/alley.jpg" data-w="800" data-h="600"></p><p label="图片备注" class="text-img-note">清晨的胡同</p>' +
      '<p>代码里写着 a[b[c]]> 这样的东西\u0001，还有 <b>R&amp;D</b>。</p><script>alert(1)</script></div>',
  },
  {
    name: 'tea.html',
    title: '一杯春茶',
    date: 'Fri, 05 Apr 2024 02:00:00 GMT',
    front: ['categories: ', ' - 生活', 'author: 许青禾', 'tags:', ' - 茶'],
    body: '<p>一杯春茶，等了一整个冬天。<img src="https://img.example.com/tea.jpg"></p>',
  },
  {
    name: 'secret.html',
    title: '草稿：豆浆的秘密',
    date: 'Sat, 06 Apr 2024 02:00:00 GMT',
    front: ['categories: ', ' - 城市', 'draft: true'],
    body: '<p>还没写完的草稿。</p>',
  },
  {
    name: '_drafts/winter.html',
    title: '冬至包饺子',
    date: 'Sat, 21 Dec 2024 10:00:00 GMT',
    front: ['categories: ', ' - 生活'],
    body: '<p>草稿里的饺子。</p>',
  },
];
