// The browsable taxonomies (categories, authors, and tags as Hexo sites have them) described once, so their
// index, listing and pagination routes share one implementation.
import type { ContentIndex, TaxonomyEntry } from '@/lib/content/index';
import type { ArticleMeta } from '@/lib/content/types';
import { authorPath, categoryPath, tagPath } from '@/lib/content/paths';

export type TaxonomyKind = {
  key: 'category' | 'author' | 'tag';
  /** "分类" / "作者" / "标签" */
  label: string;
  indexPath: string;
  entries(index: ContentIndex): TaxonomyEntry[];
  /** How many published articles carry `name`. */
  count(index: ContentIndex, name: string): number;
  /** Published articles carrying `name`, newest first, `limit` from `offset`. */
  articles(index: ContentIndex, name: string, limit: number, offset?: number): ArticleMeta[];
  path(name: string, page?: number): string;
  /** Whether every name's first page is prerendered; tags, one or more per article, render on first request. */
  prerenderNames: boolean;
};

/** A kind described by its data; what it reads from the index follows from its key. */
function kind(fields: Pick<TaxonomyKind, 'key' | 'label' | 'indexPath' | 'path' | 'prerenderNames'>): TaxonomyKind {
  return {
    ...fields,
    entries: (index) => index.entriesOf(fields.key),
    count: (index, name) => index.countOf(fields.key, name),
    articles: (index, name, limit, offset) => index.listing(fields.key, name, limit, offset),
  };
}

export const CATEGORY = kind({
  key: 'category',
  label: '分类',
  indexPath: '/categories',
  path: categoryPath,
  prerenderNames: true,
});
export const AUTHOR = kind({
  key: 'author',
  label: '作者',
  indexPath: '/authors',
  path: authorPath,
  prerenderNames: true,
});
export const TAG = kind({ key: 'tag', label: '标签', indexPath: '/tags', path: tagPath, prerenderNames: false });
