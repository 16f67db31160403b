// Entry point for the content layer: what a body contains (TOC, excerpt, length, first picture), without React.
import type { Root } from 'hast';
import { renderArticleTree } from './pipeline';
import type { ArticleAnalysis } from './types';

/**
 * Runs the same pipeline the article page renders with, so TOC ids and the first image always
 * match the page. Safe on any input; never throws on malformed HTML.
 */
export function analyzeArticleHtml(html: string, onTree?: (tree: Root) => void): ArticleAnalysis {
  const { tree, analysis } = renderArticleTree(html);
  // The sanitized tree, for a caller that wants more from this one render (the build's search index).
  onTree?.(tree);
  return analysis;
}
