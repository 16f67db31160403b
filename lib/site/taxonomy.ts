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

export const CATEGORY: TaxonomyKind = {
  key: 'category',
  label: '分类',
  indexPath: '/categories',
  entries: (index) => index.categories,
  count: (index, name) => index.countOf('category', name),
  articles: (index, name, limit, offset) => index.listing('category', name, limit, offset),
  path: categoryPath,
  prerenderNames: true,
};

export const AUTHOR: TaxonomyKind = {
  key: 'author',
  label: '作者',
  indexPath: '/authors',
  entries: (index) => index.authors,
  count: (index, name) => index.countOf('author', name),
  articles: (index, name, limit, offset) => index.listing('author', name, limit, offset),
  path: authorPath,
  prerenderNames: true,
};

export const TAG: TaxonomyKind = {
  key: 'tag',
  label: '标签',
  indexPath: '/tags',
  entries: (index) => index.tags,
  count: (index, name) => index.countOf('tag', name),
  articles: (index, name, limit, offset) => index.listing('tag', name, limit, offset),
  path: tagPath,
  prerenderNames: false,
};
