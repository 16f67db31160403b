// The article's head image: decorative (the title says what the article is), so when it fails to load the
// ImageViewer island marks it broken and it is removed rather than left as an empty box above the text.
// Its size is unknown (hotlinked), so the box is reserved at 16:9 and the picture cropped to it: text
// below never moves when it arrives, however slow the picture's host is.
export function ArticleHero({ src }: { src: string }) {
  return (
    <figure className="article-image mt-6 overflow-hidden rounded-lg bg-surface data-broken:hidden">
      {/* eslint-disable-next-line @next/next/no-img-element -- hotlinked CDNs need no-referrer; sizes are unknown */}
      <img
        src={src}
        alt=""
        fetchPriority="high"
        referrerPolicy="no-referrer"
        className="aspect-video max-h-[28rem] w-full object-cover"
      />
    </figure>
  );
}
