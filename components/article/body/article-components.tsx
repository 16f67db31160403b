// The components map for hast-util-to-jsx-runtime: routes each element the transforms marked to its component.
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ComponentProps } from 'react';
import { MARK, type Mark } from '@/lib/render/markers';
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

function ArticleDiv(props: ComponentProps<'div'>) {
  if (marked(props.className, MARK.sectionHeading)) return <SectionHeading {...props} />;
  return <div {...props} />;
}

function ArticleSpan(props: ComponentProps<'span'>) {
  if (marked(props.className, MARK.sourceRemark)) return <InlineRemark {...props} />;
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
};
