// The components map for rehype-react: routes each element the transforms marked to its component.
import type { Components } from 'rehype-react';
import type { ComponentProps } from 'react';
import { MARK, type Mark } from '@/lib/render/markers';
import { ArticleEmbed } from './article-embed';
import { ArticleFigure, FigureCaption } from './article-figure';
import { ArticleImage } from './article-image';
import { ExternalLink } from './external-link';
import { ImageNote } from './image-note';
import { HeadingAnchor, SectionHeading, SectionTitle } from './section-heading';
import { InlineRemark, SourceRemark } from './source-remark';

function marked(className: string | undefined, mark: Mark): boolean {
  return className ? className.split(' ').includes(mark) : false;
}

function ArticleLink(props: ComponentProps<'a'>) {
  if (marked(props.className, MARK.headingAnchor)) return <HeadingAnchor {...props} />;
  if (marked(props.className, MARK.externalLink)) return <ExternalLink {...props} />;
  // A link whose address the sanitizer removed would look clickable and do nothing.
  if (!props.href) return <span>{props.children}</span>;
  return (
    <a href={props.href} title={props.title}>
      {props.children}
    </a>
  );
}

function ArticleParagraph(props: ComponentProps<'p'>) {
  if (marked(props.className, MARK.sourceRemark)) return <SourceRemark {...props} />;
  if (marked(props.className, MARK.imageNote)) return <ImageNote {...props} />;
  return <p {...props} />;
}

type EmbedMarker = ComponentProps<'div'> & {
  'data-embed-src'?: string;
  'data-embed-title'?: string;
  'data-embed-ratio'?: string;
};

function ArticleDiv(props: EmbedMarker) {
  if (marked(props.className, MARK.sectionHeading)) return <SectionHeading {...props} />;
  if (marked(props.className, MARK.embed)) {
    return (
      <ArticleEmbed src={props['data-embed-src']} title={props['data-embed-title']} ratio={props['data-embed-ratio']} />
    );
  }
  return <div {...props} />;
}

/** A wide table scrolls sideways in its own box on a phone instead of widening the page. */
function ArticleTable(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" role="region" aria-label="表格（可左右滚动）" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

function ArticleSpan(props: ComponentProps<'span'>) {
  if (marked(props.className, MARK.sourceRemark)) return <InlineRemark {...props} />;
  // Where Hexo's <!-- more --> stood: it shapes the excerpt, and shows nothing.
  if (marked(props.className, MARK.more)) return null;
  return <span {...props} />;
}

export const articleComponents: Partial<Components> = {
  a: ArticleLink,
  div: ArticleDiv,
  figcaption: FigureCaption,
  figure: ArticleFigure,
  h2: SectionTitle,
  img: ArticleImage,
  p: ArticleParagraph,
  span: ArticleSpan,
  table: ArticleTable,
};
