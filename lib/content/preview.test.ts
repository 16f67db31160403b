import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentIndex } from './index';
import { isEditor } from '@/lib/accounts/editor-role';
import { listDrafts, previewArticle } from './preview';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-preview-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file: string, title: string, date: string, extra = '', body = `${title}的正文。`) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), `---\ntitle: '${title}'\ndate: ${date}\n${extra}\n---\n<div><p>${body}</p></div>\n`);
}

const index = () => buildContentIndex({ dir, timeZone: 'Asia/Shanghai' });

describe('previewArticle', () => {
  it('reads drafts, scheduled and published articles as their files are now', () => {
    write('live.html', '已发布', '2021-01-01 08:00');
    write('_drafts/draft-one.html', '草稿一', '2021-02-01 08:00');
    write('flagged.html', '草稿二', '2021-03-01 08:00', 'draft: true');
    write('future.html', '明年发布', '2099-01-01 08:00');

    expect(previewArticle('draft-one', index())).toMatchObject({ title: '草稿一', status: 'draft' });
    expect(previewArticle('flagged', index())).toMatchObject({ title: '草稿二', status: 'draft' });
    expect(previewArticle('future', index())).toMatchObject({ title: '明年发布', status: 'scheduled' });
    expect(previewArticle('live', index())).toMatchObject({ title: '已发布', status: 'published' });
    expect(previewArticle('nothing', index())).toBeUndefined();

    // An edit shows on the next read.
    write('_drafts/draft-one.html', '草稿一（改）', '2021-02-01 08:00', '', '改过的正文');
    const edited = previewArticle('draft-one', index());
    expect(edited?.title).toBe('草稿一（改）');
    expect(edited?.body).toContain('改过的正文');
  });

  it('sees every edit, new file and removal on the next read, from one open index', () => {
    const open = index();
    write('_drafts/same-size.html', '同长草稿', '2021-05-01 08:00', '', '甲乙丙丁');
    expect(previewArticle('same-size', open)?.body).toContain('甲乙丙丁');
    // The same number of bytes, written a second later (an editor fixing a typo): read again.
    write('_drafts/same-size.html', '同短草稿', '2021-05-01 08:00', '', '丁丙乙甲');
    const later = new Date(Date.now() + 1_000);
    fs.utimesSync(path.join(dir, '_drafts/same-size.html'), later, later);
    expect(previewArticle('same-size', open)).toMatchObject({ title: '同短草稿', body: expect.stringContaining('丁丙乙甲') });
    write('_drafts/brand-new.html', '新草稿', '2021-06-01 08:00');
    expect(previewArticle('brand-new', open)).toMatchObject({ title: '新草稿', status: 'draft' });
    fs.rmSync(path.join(dir, '_drafts/brand-new.html'));
    fs.rmSync(path.join(dir, '_drafts/same-size.html'));
    expect(previewArticle('brand-new', open)).toBeUndefined();
    expect(previewArticle('same-size', open)).toBeUndefined();
    // A published file edited after the build is read as it is now too.
    write('live.html', '已发布（改）', '2021-01-01 08:00');
    expect(previewArticle('live', open)?.title).toBe('已发布（改）');
    write('live.html', '已发布', '2021-01-01 08:00');
  });

  it('lists drafts and scheduled articles with the problems of their files', () => {
    write('bad-draft.html', '有问题的草稿', '2021-04-01 08:00', "draft: true\nheadimg: 'javascript:alert(1)'");
    const { drafts } = listDrafts(index());
    expect(drafts.map((d) => [d.title, d.status])).toEqual([
      ['明年发布', 'scheduled'],
      ['有问题的草稿', 'draft'],
      ['草稿二', 'draft'],
      ['草稿一（改）', 'draft'],
    ]);
    const bad = drafts.find((d) => d.title === '有问题的草稿');
    expect(bad?.problems.map((p) => p.field)).toEqual(['headimg']);
  });
});

describe('isEditor', () => {
  const verified = new Date('2026-01-01T00:00:00Z');
  it('accepts the editor role or a listed email, case-insensitively', () => {
    expect(isEditor({ email: 'a@example.com', role: 'editor', emailVerified: null }, [])).toBe(true);
    expect(isEditor({ email: 'Ed@Example.com', role: 'reader', emailVerified: verified }, ['ed@example.com'])).toBe(true);
    expect(isEditor({ email: 'reader@example.com', role: 'reader', emailVerified: verified }, ['ed@example.com'])).toBe(false);
  });

  it('grants nothing for a listed email the account has not verified: anyone can sign up with any address', () => {
    expect(isEditor({ email: 'ed@example.com', role: 'reader', emailVerified: null }, ['ed@example.com'])).toBe(false);
  });
});
