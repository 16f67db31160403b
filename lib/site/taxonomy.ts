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
  articles(index: ContentIndex, name: string): ArticleMeta[];
  path(name: string, page?: number): string;
  /** Whether every name's first page is prerendered; tags, one or more per article, render on first request. */
  prerenderNames: boolean;
};

export const CATEGORY: TaxonomyKind = {
  key: 'category',
  label: '分类',
  indexPath: '/categories',
  entries: (index) => index.categories,
  articles: (index, name) => index.inCategory(name),
  path: categoryPath,
  prerenderNames: true,
};

export const AUTHOR: TaxonomyKind = {
  key: 'author',
  label: '作者',
  indexPath: '/authors',
  entries: (index) => index.authors,
  articles: (index, name) => index.byAuthor(name),
  path: authorPath,
  prerenderNames: true,
};

export const TAG: TaxonomyKind = {
  key: 'tag',
  label: '标签',
  indexPath: '/tags',
  entries: (index) => index.tags,
  articles: (index, name) => index.withTag(name),
  path: tagPath,
  prerenderNames: false,
};
