import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { BookmarkButton } from './bookmark-button';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

describe('BookmarkButton as prerendered HTML', () => {
  it('is a labelled toggle that starts unpressed and unknown, inside a form that saves without JavaScript', () => {
    const html = renderToStaticMarkup(<BookmarkButton slug="胡同里的早晨" title="胡同里的早晨" />);
    expect(html).toMatch(/<form [^>]*action="\/api\/bookmarks" method="post"/);
    expect(html).toContain('name="slug" value="胡同里的早晨"');
    expect(html).toContain('name="intent" value="add"');
    expect(html).toContain(`name="returnTo" value="/articles/${encodeURIComponent('胡同里的早晨')}"`);
    expect(html).toContain('aria-pressed="false"');
    expect(html).toContain('aria-label="收藏《胡同里的早晨》"');
    expect(html).toContain('data-state="unknown"');
    expect(html).toContain('>收藏</span>');
  });

  it('shows only the icon when compact, keeping the accessible name', () => {
    const html = renderToStaticMarkup(<BookmarkButton slug="a" title="标题" compact />);
    expect(html).toContain('aria-label="收藏《标题》"');
    expect(html).not.toContain('>收藏</span>');
  });
});
