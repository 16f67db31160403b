// Frames and players in article bodies. An <iframe> (its address in src, or lazily in data-src) from an
// allowed video host (embed-hosts.mjs) becomes an embed marker that components/article/body renders as a
// sandboxed, lazy, responsive frame; any other frame becomes a link to where it pointed. <video>/<audio>
// with http(s) sources stay native players, never playing by themselves.
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { embedSource } from './embed-hosts.mjs';
import { element, SKIP, walkElements } from './hast-helpers';
import { MARK } from './markers';
import { imageUrl } from './safe-url';

function dimension(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 0 && n < 10_000 ? n : null;
}

function frameAddress(node: Element): unknown {
  const { src, dataSrc } = node.properties;
  return typeof src === 'string' && src.trim() && !/^about:/i.test(src.trim()) ? src : dataSrc;
}

function embed(node: Element): ElementContent {
  const raw = frameAddress(node);
  const allowed = embedSource(raw);
  const title = typeof node.properties.title === 'string' ? node.properties.title.trim() : '';
  if (!allowed) {
    // Not a player we frame: say what it was and link to it, when it is a web address at all.
    const href = typeof raw === 'string' ? raw.trim().replace(/^\/\//, 'https://') : '';
    let host = '';
    try {
      const url = new URL(href);
      if (url.protocol === 'http:' || url.protocol === 'https:') host = url.hostname;
    } catch {
      host = '';
    }
    if (!host) return element('p', {}, [{ type: 'text', value: '（此处原有嵌入内容，已略去）' }]);
    return element('p', {}, [element('a', { href }, [{ type: 'text', value: `外部内容：${title || host}` }])]);
  }
  const width = dimension(node.properties.width);
  const height = dimension(node.properties.height);
  return element('div', {
    className: [MARK.embed],
    dataEmbedSrc: allowed.src,
    dataEmbedTitle: title || `${allowed.name}播放器`,
    ...(width && height ? { dataEmbedRatio: `${width} / ${height}` } : {}),
  });
}

/** A <video>/<audio> (or its <source>) address we will play: http(s) only, like images. */
function mediaUrl(value: unknown): string | null {
  return imageUrl(value);
}

function media(node: Element): ElementContent | null {
  const sources = node.children.flatMap((child) =>
    child.type === 'element' && child.tagName === 'source' && mediaUrl(child.properties.src)
      ? [
          element('source', {
            src: mediaUrl(child.properties.src)!,
            ...(typeof child.properties.type === 'string' ? { type: child.properties.type } : {}),
          }),
        ]
      : [],
  );
  const src = mediaUrl(node.properties.src);
  if (!src && sources.length === 0) return null;
  const props: Element['properties'] = { controls: true, preload: 'none' };
  if (src) props.src = src;
  if (node.tagName === 'video') {
    const poster = mediaUrl(node.properties.poster);
    if (poster) props.poster = poster;
    const width = dimension(node.properties.width);
    const height = dimension(node.properties.height);
    if (width && height) Object.assign(props, { width, height });
    props.playsInline = true;
  }
  return element(node.tagName, props, sources);
}

export const rehypeEmbeds: Plugin<[], Root> = function () {
  return (tree) => {
    walkElements(tree, (node, index, parent) => {
      if (node.tagName === 'iframe') {
        parent.children[index] = embed(node);
        return SKIP;
      }
      if (node.tagName === 'video' || node.tagName === 'audio') {
        const player = media(node);
        if (player) {
          parent.children[index] = player;
          return SKIP;
        } else {
          parent.children.splice(index, 1);
          return index;
        }
      }
    });
  };
};
