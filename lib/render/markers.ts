// Class names the transforms put on the tree and the article components dispatch on; the sanitizer allows
// exactly these.
export const MARK = {
  /** Wrapper around a section's h2 and its permalink. */
  sectionHeading: 'section-heading',
  /** The "#" permalink next to a section heading. */
  headingAnchor: 'heading-anchor',
  /** A link that leaves the site (opens in a new tab). */
  externalLink: 'external-link',
  /** The source note ("本文来自…"), as a whole paragraph or an inline span. */
  sourceRemark: 'source-remark',
  /** A picture caption whose picture is missing: kept as a muted paragraph. */
  imageNote: 'image-note',
  /** A figure's own picture (not inside a link): the page lets the reader view it full size. */
  zoomable: 'zoomable',
  /** A player from an allowed host (embed-hosts.mjs), rendered as a sandboxed frame. */
  embed: 'article-embed',
  /** Where Hexo's `<!-- more -->` stood: the excerpt is what comes before it. */
  more: 'more-marker',
} as const;

export type Mark = (typeof MARK)[keyof typeof MARK];
