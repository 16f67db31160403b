// The video and audio players an article may embed, by host: only these are shown as a player, in a
// sandboxed frame, and the Content-Security-Policy's frame-src names exactly these (security-headers.mjs).
// Any other frame in an article becomes a link to where it pointed. Plain JavaScript so that
// next.config.mjs can read it before anything is compiled.

/** @typedef {{ host: string, name: string, rewrite?: string }} EmbedHost */

/** @type {readonly EmbedHost[]} */
export const EMBED_HOSTS = [
  { host: 'v.qq.com', name: '腾讯视频' },
  { host: 'player.bilibili.com', name: '哔哩哔哩' },
  { host: 'www.youtube-nocookie.com', name: 'YouTube' },
  // Embeds written against youtube.com are served from its no-cookie host instead.
  { host: 'www.youtube.com', name: 'YouTube', rewrite: 'www.youtube-nocookie.com' },
  { host: 'youtube.com', name: 'YouTube', rewrite: 'www.youtube-nocookie.com' },
  { host: 'player.youku.com', name: '优酷' },
  { host: 'player.vimeo.com', name: 'Vimeo' },
  { host: 'music.163.com', name: '网易云音乐' },
];

/** The origins a frame may load from: the hosts players are served from after rewriting. */
export function embedOrigins() {
  return [...new Set(EMBED_HOSTS.map((h) => `https://${h.rewrite ?? h.host}`))];
}

/**
 * The player address to frame for `raw`, and the player's name; null when `raw` is not an https (or
 * protocol-relative) address on an allowed host.
 * @param {unknown} raw
 * @returns {{ src: string, name: string } | null}
 */
export function embedSource(raw) {
  if (typeof raw !== 'string') return null;
  const cleaned = raw.trim().replace(/^\/\//, 'https://');
  let url;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  // Players on plain http are upgraded; anything that is not a web address is refused.
  if (url.protocol === 'http:') url.protocol = 'https:';
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const known = EMBED_HOSTS.find((h) => h.host === url.hostname.toLowerCase());
  if (!known) return null;
  if (known.rewrite) url.hostname = known.rewrite;
  return { src: url.href, name: known.name };
}
