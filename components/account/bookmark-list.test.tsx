import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { BookmarkList, type BookmarkListItem } from './bookmark-list';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

const live: BookmarkListItem = {
  slug: 'cycling-to-work',
  savedAt: '2025-03-01T10:00:00.000Z',
  savedLabel: '2025年3月1日 18:00',
  article: { title: '骑车上班的第三年', href: '/articles/cycling-to-work', excerpt: '一段摘要', author: '周野' },
  read: false,
};
const gone: BookmarkListItem = {
  slug: 'removed-from-content',
  savedAt: '2024-01-01T00:00:00.000Z',
  savedLabel: '2024年1月1日 08:00',
  article: null,
  read: true,
};

describe('BookmarkList', () => {
  it('keeps a bookmark whose article left the site, marked 文章已下线 and still removable', () => {
    const html = renderToStaticMarkup(<BookmarkList items={[live, gone]} returnTo="/bookmarks?page=2" />);
    expect(html).toContain('骑车上班的第三年');
    expect(html).toContain('href="/articles/cycling-to-work"');
    expect(html).toContain('文章已下线');
    expect(html).toContain('removed-from-content');
    expect(html).toContain('aria-label="移除收藏《removed-from-content》"');
  });

  it('removes through a plain form post when JavaScript is off, returning to the same page', () => {
    const html = renderToStaticMarkup(<BookmarkList items={[live]} returnTo="/bookmarks?page=2" />);
    expect(html).toMatch(/<form action="\/api\/bookmarks" method="post">/);
    expect(html).toContain('name="intent" value="remove"');
    expect(html).toContain('name="returnTo" value="/bookmarks?page=2"');
    expect(html).toContain('<time dateTime="2025-03-01T10:00:00.000Z">2025年3月1日 18:00</time>');
  });
});
