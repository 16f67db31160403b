// Test helper: ArticleMeta records without a content folder, for the search, related and archive tests.
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
