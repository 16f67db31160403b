// A player from an allowed host (lib/render/embed-hosts.mjs) as a sandboxed, lazy frame in the article's
// width. The address is checked against the allow-list again here: the marker's data attribute is only
// text the sanitizer let through, not a promise.
import { embedSource } from '@/lib/render/embed-hosts.mjs';

export function ArticleEmbed({ src, title, ratio }: { src: unknown; title: unknown; ratio: unknown }) {
  const allowed = embedSource(src);
  if (!allowed) return null;
  const label = typeof title === 'string' && title ? title : `${allowed.name}播放器`;
  const aspectRatio = typeof ratio === 'string' && /^\d{1,4} \/ \d{1,4}$/.test(ratio) ? ratio : '16 / 9';
  return (
    <figure className="article-embed my-8">
      <div className="relative w-full overflow-hidden rounded-lg bg-surface" style={{ aspectRatio }}>
        <iframe
          src={allowed.src}
          title={label}
          loading="lazy"
          className="absolute inset-0 h-full w-full border-0"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          allow="fullscreen; picture-in-picture; encrypted-media"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
      <figcaption className="mt-2 text-center text-sm text-muted">
        {label} ·{' '}
        <a href={allowed.src} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2">
          在{allowed.name}打开
        </a>
      </figcaption>
    </figure>
  );
}
