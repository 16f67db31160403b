// A picture from the article: hotlinked from the source's CDN, sized up front so nothing jumps as it loads.
import type { ComponentProps } from 'react';

export function ArticleImage({ src, alt, width, height, loading, decoding, fetchPriority, referrerPolicy, title }: ComponentProps<'img'>) {
  return (
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
      className="inline-block h-auto max-w-full rounded-lg bg-surface align-middle"
    />
  );
}
