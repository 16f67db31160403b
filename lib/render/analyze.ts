// Entry point for the content layer: what a body contains (TOC, excerpt, length, first picture), without React.
import { renderArticleTree } from './pipeline';
import type { ArticleAnalysis } from './types';

/**
 * Runs the same pipeline the article page renders with, so TOC ids and the first image always
 * match the page. Safe on any input; never throws on malformed HTML.
 */
export function analyzeArticleHtml(html: string): ArticleAnalysis {
  return renderArticleTree(html).analysis;
}
