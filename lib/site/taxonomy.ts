// The two browsable taxonomies (categories and authors) described once, so their index, listing and
// pagination routes share one implementation.
import type { ContentIndex, TaxonomyEntry } from '@/lib/content/index';
import type { ArticleMeta } from '@/lib/content/types';
import { authorPath, categoryPath } from '@/lib/content/paths';

export type TaxonomyKind = {
  key: 'category' | 'author';
  /** "分类" / "作者" */
  label: string;
  indexPath: string;
  entries(index: ContentIndex): TaxonomyEntry[];
  articles(index: ContentIndex, name: string): ArticleMeta[];
  path(name: string, page?: number): string;
};

export const CATEGORY: TaxonomyKind = {
  key: 'category',
  label: '分类',
  indexPath: '/categories',
  entries: (index) => index.categories,
  articles: (index, name) => index.inCategory(name),
  path: categoryPath,
};

export const AUTHOR: TaxonomyKind = {
  key: 'author',
  label: '作者',
  indexPath: '/authors',
  entries: (index) => index.authors,
  articles: (index, name) => index.byAuthor(name),
  path: authorPath,
};
