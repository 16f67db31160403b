// The one rendering pipeline for untrusted article bodies, HTML or Markdown:
// parse (parse-body.ts) → source transforms → sanitize → analysis; React comes last (components/article/body).
import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { getConfig } from '@/lib/config';
import { analyzeTree } from './analyze-tree';
import type { BodyFormat } from './body-format';
import { parseBody } from './parse-body';
import { stripTemplateTags } from './template-tags';
import { rehypeEmbeds } from './embeds';
import { rehypeFigures } from './figures';
import { rehypeInPageLinks } from './in-page-links';
import { rehypeMoreMarker } from './more-marker';
import { rehypePlainParagraphs, rehypeQuoteBoxes } from './source-blocks';
import { rehypeArticleImages } from './images';
import { rehypeArticleLinks } from './links';
import { articleSchema } from './schema';
import { rehypeSectionHeadings } from './section-headings';
import { rehypeSourceRemarks } from './source-remarks';
import type { ArticleAnalysis } from './types';
import { rehypeTidy } from './tidy';
import { rehypeUnwrapWrapper } from './unwrap-wrapper';
import { rehypeZoomableImages } from './zoomable-images';

export type RenderedArticle = {
  tree: Root;
  analysis: ArticleAnalysis;
  /** Template tags (Liquid, Hexo plugins) taken out of the body unrun, for the content check's warning. */
  removedTags: string[];
};

export function createArticleProcessor(siteOrigin: string) {
  return (
    unified()
      .use(rehypeQuoteBoxes)
      .use(rehypeUnwrapWrapper)
      .use(rehypePlainParagraphs)
      .use(rehypeMoreMarker)
      .use(rehypeSectionHeadings)
      // Frames before images: a frame is replaced (a player or a link) before pictures are looked at.
      .use(rehypeEmbeds)
      // Images before figures: an image with no usable address is gone before captions pair up.
      .use(rehypeArticleImages)
      .use(rehypeFigures)
      .use(rehypeZoomableImages)
      .use(rehypeSourceRemarks)
      .use(rehypeArticleLinks, { siteOrigin })
      // After every transform that adds ids or links, before the sanitizer prefixes the ids.
      .use(rehypeInPageLinks)
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

/**
 * Render an untrusted body to a safe hast tree, with what we learn about it in the same pass. Stray
 * byte-order marks are dropped and template tags taken out first (template-tags.ts).
 */
export function renderArticleTree(body: string, format: BodyFormat = 'html'): RenderedArticle {
  const run = articleProcessor();
  const { text, removed } = stripTemplateTags(body.replace(/\ufeff/g, ''), format);
  const tree = run.runSync(parseBody(text, format));
  return { tree, analysis: analyzeTree(tree), removedTags: removed };
}
