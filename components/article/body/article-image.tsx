// A picture from the article: hotlinked from the source's CDN, sized up front so nothing jumps as it loads.
// A figure's own picture (marked `zoomable` by lib/render) is also a link to itself, which the page's
// ImageViewer opens full size; with no JavaScript the link simply shows the picture. Each picture carries
// a hidden fallback that ImageViewer reveals when it fails to load, so a broken one reads as words, not an
// empty box.
import type { ComponentProps } from 'react';
import { MARK } from '@/lib/render/markers';
import { NEW_TAB_HINT } from './external-link';

export const IMAGE_FAILED = '图片无法加载';
export const VIEW_FULL_SIZE = '（查看大图）';

export function ArticleImage({
  src,
  alt,
  width,
  height,
  loading,
  decoding,
  fetchPriority,
  referrerPolicy,
  title,
  className,
}: ComponentProps<'img'>) {
  // src is always an http(s) or site path here (lib/render); the type also allows a Blob.
  const href = typeof src === 'string' ? src : undefined;
  const zoomable = href !== undefined && (className?.split(' ').includes(MARK.zoomable) ?? false);
  const text = alt?.trim() ?? '';
  const picture = (
    // eslint-disable-next-line @next/next/no-img-element -- remote, hotlink-protected CDNs: next/image would proxy them and lose no-referrer.
    <img
      src={src}
      alt={alt ?? ''}
      width={width}
      height={height}
      loading={loading}
      decoding={decoding}
      fetchPriority={fetchPriority}
      referrerPolicy={referrerPolicy}
      title={title}
      className={`h-auto max-w-full rounded-lg bg-surface align-middle group-data-broken/image:hidden ${zoomable ? 'block' : 'inline-block'}`}
    />
  );
  return (
    <span className="article-image group/image">
      {zoomable ? (
        // The link keeps the picture a picture for screen readers (a button would flatten it to its name).
        <a
          href={href}
          referrerPolicy="no-referrer"
          aria-haspopup="dialog"
          className="image-zoom relative inline-block no-underline max-w-full cursor-zoom-in rounded-lg align-middle group-data-broken/image:hidden"
        >
          {picture}
          <span className="sr-only">{VIEW_FULL_SIZE}</span>
        </a>
      ) : (
        picture
      )}
      <span
        hidden
        className={`image-fallback text-sm leading-relaxed text-muted ${zoomable ? 'mx-auto block max-w-[36em] rounded-lg border border-dashed border-line px-4 py-3' : ''}`}
      >
        {/* Under a caption that already says it, the alt text (often the caption itself) is left out; see globals.css. */}
        {text ? <span className="image-fallback-alt text-fg">{text} </span> : null}
        <span>（{IMAGE_FAILED}）</span>
        {zoomable ? (
          <>
            {' '}
            <a
              href={href}
              target="_blank"
              rel="nofollow noopener noreferrer"
              referrerPolicy="no-referrer"
              className="image-fallback-link"
            >
              打开原图
              <span className="sr-only">{NEW_TAB_HINT}</span>
            </a>
          </>
        ) : null}
      </span>
    </span>
  );
}
