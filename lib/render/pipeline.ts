// The one rendering pipeline for untrusted article bodies: parse → source transforms → sanitize → analysis.
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { getConfig } from '@/lib/config';
import { analyzeTree } from './analyze-tree';
import { rehypeFigures } from './figures';
import { rehypeArticleImages } from './images';
import { rehypeArticleLinks } from './links';
import { articleSchema } from './schema';
import { rehypeSectionHeadings } from './section-headings';
import { parseSimpleHtml } from './simple-html';
import { rehypeSourceRemarks } from './source-remarks';
import type { ArticleAnalysis } from './types';
import { rehypeTidy } from './tidy';
import { rehypeUnwrapWrapper } from './unwrap-wrapper';
import { rehypeZoomableImages } from './zoomable-images';

export type RenderedArticle = { tree: Root; analysis: ArticleAnalysis };

export function createArticleProcessor(siteOrigin: string) {
  return (
    unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeUnwrapWrapper)
      .use(rehypeSectionHeadings)
      // Images before figures: an image with no usable address is gone before captions pair up.
      .use(rehypeArticleImages)
      .use(rehypeFigures)
      .use(rehypeZoomableImages)
      .use(rehypeSourceRemarks)
      .use(rehypeArticleLinks, { siteOrigin })
      // Last of the changes that add markup, so everything the transforms produce is checked too.
      .use(rehypeSanitize, articleSchema)
      // Only removes things, so it may follow the sanitizer and tidy what it emptied.
      .use(rehypeTidy)
      .freeze()
  );
}

type ArticleProcessor = ReturnType<typeof createArticleProcessor>;

// Built once per process: configuring unified costs more than running it on one body.
let processor: ArticleProcessor | undefined;

function articleProcessor(): ArticleProcessor {
  processor ??= createArticleProcessor(new URL(getConfig().siteUrl).origin);
  return processor;
}

/** Render an untrusted HTML body to a safe hast tree, with what we learn about it in the same pass. */
export function renderArticleTree(html: string): RenderedArticle {
  const run = articleProcessor();
  // Most bodies are plain, well-formed HTML that a much cheaper parser reads into the same tree.
  const tree = run.runSync(parseSimpleHtml(html) ?? run.parse(html));
  return { tree, analysis: analyzeTree(tree) };
}
