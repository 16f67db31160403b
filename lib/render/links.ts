// Links: outbound http(s) opens in a new tab without passing on referrer or ranking; everything else stays in this tab.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { hasClass, walkElements } from './hast-helpers';
import { MARK } from './markers';
import { classifyLink } from './safe-url';

export type ArticleLinksOptions = {
  /** This site's origin (`https://hutong.example`): absolute links to it are not outbound. */
  siteOrigin: string;
};

export const rehypeArticleLinks: Plugin<[ArticleLinksOptions], Root> = function (options) {
  const { siteOrigin } = options;
  return (tree) => {
    walkElements(tree, (node) => {
      if (node.tagName !== 'a' || hasClass(node, MARK.headingAnchor)) return;
      const { href, title, id, ariaLabel } = node.properties;
      // A link's title, its id (footnote references are targets) and an accessible name (a footnote's
      // "back to the text") survive; everything else the source put on it is rebuilt.
      const kept = {
        ...(typeof title === 'string' && title.trim() ? { title: title.trim() } : {}),
        ...(typeof id === 'string' && id ? { id } : {}),
        ...(typeof ariaLabel === 'string' && ariaLabel.trim() ? { ariaLabel: ariaLabel.trim() } : {}),
      };
      if (typeof href !== 'string') {
        node.properties = kept;
        return;
      }
      const link = classifyLink(href, siteOrigin);
      if (link.kind === 'external') {
        node.properties = {
          ...kept,
          href: link.href,
          target: '_blank',
          rel: ['nofollow', 'noopener', 'noreferrer'],
          className: [MARK.externalLink],
        };
      } else {
        // The source's own target/rel/class/style are dropped; the sanitizer judges the href.
        node.properties = { ...kept, href };
      }
    });
  };
};
