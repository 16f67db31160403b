// The sanitizer's allow-list, written for the scraped article markup after our transforms have run.
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { MARK } from './markers';

/**
 * Every surviving `id` (only section headings keep one) is prefixed, so article text can never
 * shadow page globals or the layout's own ids (`__next_f`, `main-content`…). The heading transform
 * writes its permalink with the same prefix, so `href="#…"`, the element id and the TOC agree.
 */
export const CLOBBER_PREFIX = 'user-content-';

/**
 * Dropped with everything inside: their text is code, styling or a hidden document, never prose.
 * Any other element not in `tagNames` is unwrapped and its (sanitized) content kept.
 */
export const STRIPPED_TAGS: readonly string[] = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'textarea',
  'select',
  'option',
  'button',
  'title',
  'xmp',
  'plaintext',
  'head',
];

type PropertyDefinition = NonNullable<SanitizeSchema['attributes']>[string][number];

const cellAttributes: PropertyDefinition[] = ['colSpan', 'rowSpan', ['align', 'left', 'center', 'right']];

/**
 * Every key is spelled out: hast-util-sanitize fills any missing key from GitHub's default schema,
 * which would silently widen this list.
 */
export const articleSchema: SanitizeSchema = {
  allowComments: false,
  allowDoctypes: false,
  tagNames: [
    'p',
    'br',
    'hr',
    'div',
    'blockquote',
    'pre',
    'code',
    'h2',
    'h3',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'ins',
    'sub',
    'sup',
    'mark',
    'small',
    'span',
    'cite',
    'q',
    'abbr',
    'kbd',
    'a',
    'img',
    'figure',
    'figcaption',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'video',
    'audio',
    'source',
    // Only a disabled checkbox: the tick of a Markdown task list item.
    'input',
  ],
  strip: [...STRIPPED_TAGS],
  ancestors: {
    li: ['ul', 'ol'],
    dt: ['dl'],
    dd: ['dl'],
    figcaption: ['figure'],
    caption: ['table'],
    thead: ['table'],
    tbody: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    source: ['video', 'audio'],
    input: ['li'],
  },
  attributes: {
    '*': ['title', 'lang', ['dir', 'ltr', 'rtl', 'auto']],
    a: [
      'href',
      // Footnote references are link targets too.
      'id',
      ['target', '_blank'],
      ['rel', 'nofollow', 'noopener', 'noreferrer'],
      ['className', MARK.externalLink, MARK.headingAnchor],
      'ariaLabel',
    ],
    img: [
      'src',
      'alt',
      'width',
      'height',
      ['loading', 'lazy'],
      ['decoding', 'async'],
      ['fetchPriority', 'high'],
      ['referrerPolicy', 'no-referrer'],
      ['className', MARK.zoomable],
    ],
    h2: ['id'],
    div: [['className', MARK.sectionHeading, MARK.embed], 'dataEmbedSrc', 'dataEmbedTitle', 'dataEmbedRatio'],
    p: [['className', MARK.sourceRemark, MARK.imageNote]],
    span: [
      ['className', MARK.sourceRemark, MARK.more],
      ['ariaHidden', 'true', true],
    ],
    blockquote: ['cite'],
    q: ['cite'],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    video: ['src', 'poster', 'controls', ['preload', 'none'], 'playsInline', 'width', 'height'],
    audio: ['src', 'controls', ['preload', 'none']],
    source: ['src', 'type'],
    th: [...cellAttributes, ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
    td: [...cellAttributes],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    poster: ['http', 'https'],
    cite: ['http', 'https'],
  },
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: CLOBBER_PREFIX,
  required: {},
};
