// Entry point for the content layer: what a body contains (TOC, excerpt, length, first picture), without React.
import type { Root } from 'hast';
import type { BodyFormat } from './body-format';
import { renderArticleTree } from './pipeline';
import type { ArticleAnalysis } from './types';

/**
 * Runs the same pipeline the article page renders with, so TOC ids and the first image always
 * match the page. Safe on any input; never throws on malformed HTML or Markdown.
 */
export function analyzeArticle(
  body: string,
  format: BodyFormat,
  onTree?: (tree: Root) => void,
): { analysis: ArticleAnalysis; removedTags: string[] } {
  const { tree, analysis, removedTags } = renderArticleTree(body, format);
  // The sanitized tree, for a caller that wants more from this one render (the build's search index).
  onTree?.(tree);
  return { analysis, removedTags };
}

/** The analysis of an HTML body alone. */
export function analyzeArticleHtml(html: string): ArticleAnalysis {
  return analyzeArticle(html, 'html').analysis;
}
