// One synthetic article: YAML front matter + a body, in the reference format's scraped-style HTML or in
// Markdown as Hexo and Jekyll posts are written (corpusFormat). Article i depends only on (seed, i).
// generate-corpus.ts writes them into corpus folders.
import { DEMO_IMAGES, type DemoImage } from './demo-images';
import { mulberry32, type Random } from './prng';
import {
  WORDS,
  type Slot,
  SENTENCES,
  PLAIN_SENTENCES,
  HEADINGS,
  TITLES,
  CAPTIONS,
  LINK_TEXTS,
  SOURCES,
  GENERAL_SOURCES,
  SOURCE_HOSTS,
  CATEGORIES,
  NET_TAGS,
  TAGS,
  AUTHORS,
  NET_CATEGORIES,
  EDITORS,
} from './corpus-vocabulary';

const BODY_MIN_BYTES = 3 * 1024;
const BODY_MAX_BYTES = 15 * 1024;
const DATE_FROM = Date.UTC(2015, 0, 1);
const DATE_SPAN_MS = Date.UTC(2025, 0, 1) - DATE_FROM;
/** Every generated article is dated before this instant. */
export const CORPUS_DATES_END = DATE_FROM + DATE_SPAN_MS;

/** Mixes seed and index so neighbouring articles get unrelated streams (murmur3 finalizer). */
function articleSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function pick<T>(rand: Random, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('generate-corpus: pick from an empty list');
  return item;
}

function int(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** `n` distinct items, in list order. */
function some<T>(rand: Random, list: readonly T[], n: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(rand() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i] as T);
}

function hex(rand: Random, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(rand() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return out.slice(0, length);
}

// Templates are split once into literal and slot parts so filling one is a join, not a regex pass.
type Part = string | { slot: Slot };
function compile(template: string): Part[] {
  const parts: Part[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    const slot = m[1] as Slot;
    if (!(slot in WORDS)) throw new Error(`generate-corpus: template "${template}" names unknown slot {${slot}}`);
    parts.push({ slot });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/**
 * Only about a quarter of the articles are about the internet; the words a search test looks for
 * (微信, 淘宝, 互联互通, 外链) appear in those alone, so a query matches some articles, not all.
 */
const NET_SHARE = 0.25;
const NET_WORDS = /微信|淘宝|外链|互联互通/;
const NET_SLOTS: ReadonlySet<Slot> = new Set<Slot>(['platform', 'netTopic', 'netAct']);

const isNet = (parts: Part[]) => parts.some((p) => (typeof p === 'string' ? NET_WORDS.test(p) : NET_SLOTS.has(p.slot)));

type Pools = { sentences: Part[][]; headings: Part[][]; titles: Part[][] };
function pools(net: boolean): Pools {
  const keep = (list: readonly string[]) => list.map(compile).filter((parts) => net || !isNet(parts));
  return { sentences: keep(SENTENCES), headings: keep(HEADINGS), titles: keep(TITLES) };
}
const NET_POOLS = pools(true);
const GENERAL_POOLS = pools(false);

type Voice = { rand: Random; net: boolean; pools: Pools };

function fill(voice: Voice, parts: Part[]): string {
  const { rand, net } = voice;
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (net && part.slot === 'topic') out += pick(rand, rand() < 0.6 ? WORDS.netTopic : WORDS.topic);
    else if (net && part.slot === 'act') out += pick(rand, rand() < 0.4 ? WORDS.netAct : WORDS.act);
    else out += pick(rand, WORDS[part.slot]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bodies: HTML in the scraped source's own shapes, or Markdown as Hexo and Jekyll authors write it.

export type CorpusFormat = 'html' | 'markdown';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Characters Markdown would read as syntax, backslash-escaped (the generated sentences rarely have any). */
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');

function sentence(voice: Voice): string {
  const { rand } = voice;
  return rand() < 0.12 ? pick(rand, PLAIN_SENTENCES) : fill(voice, pick(rand, voice.pools.sentences));
}

function paragraph(voice: Voice, linkHost: string, format: CorpusFormat): string {
  const { rand } = voice;
  const md = format === 'markdown';
  const escape = md ? escapeMarkdown : escapeHtml;
  const strong = (s: string) => (md ? `**${s}**` : `<strong>${s}</strong>`);
  const n = int(rand, 2, 6);
  let text = '';
  for (let i = 0; i < n; i++) {
    const s = escape(sentence(voice));
    text += rand() < 0.07 ? strong(s) : s;
  }
  if (rand() < 0.06) {
    const href = `${linkHost}${hex(rand, 10)}`;
    const label = pick(rand, LINK_TEXTS);
    text += md
      ? `详情可参考[${label}](${href})。`
      : `详情可参考<a href="${href}" target="_blank" rel="nofollow">${label}</a>。`;
  }
  // A whole-paragraph emphasis, as the reference uses for its key sentences.
  if (rand() < 0.05) text = strong(text);
  return md ? `${text}\n\n` : `<p>${text}</p>`;
}

function figure(rand: Random, image: DemoImage, format: CorpusFormat): string {
  const src = `/demo/${image.file}`;
  const roll = rand();
  const caption = pick(rand, CAPTIONS);
  if (format === 'markdown') {
    // The caption as an image title, as an italic line under it, as stray HTML (a lazy <img> pasted
    // in), or none at all.
    if (roll < 0.45) return `![${escapeMarkdown(caption)}](${src} "${caption.replace(/"/g, '')}")\n\n`;
    if (roll < 0.75) return `![](${src})\n*${escapeMarkdown(caption)}*\n\n`;
    if (roll < 0.85) return `<img data-src="${src}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">\n\n`;
    return `![](${src})\n\n`;
  }
  const size = `data-w="${image.width}" data-h="${image.height}"`;
  // Mostly both _src and src as in the reference; some lazy-only forms the renderer must also read.
  const img =
    roll < 0.85
      ? `<img class="lazyImg" _src="${src}" ${size} src="${src}" referrerpolicy="no-referrer">`
      : roll < 0.95
        ? `<img class="lazyImg" _src="${src}" ${size} referrerpolicy="no-referrer">`
        : `<img class="lazyImg" data-src="${src}" ${size} referrerpolicy="no-referrer">`;
  const note = rand() < 0.7 ? `<p label="图片备注" class="text-img-note">${escapeHtml(caption)}<br></p>` : '';
  return `<p class="img-center-box">${img}</p>${note}`;
}

type Credits = { source: (typeof SOURCES)[number]; url: string; author: string | null; editor: string };

function remark({ source, url, author, editor }: Credits, withHeadCredit: boolean, format: CorpusFormat): string {
  const credits = [
    author ? `作者：${author}` : null,
    `编辑：${editor}`,
    withHeadCredit ? '头图来自：编辑部' : null,
  ].filter(Boolean);
  if (format === 'markdown') {
    return `> ${escapeMarkdown(source.lead)}[${source.name}](${url})，${escapeMarkdown(credits.join('，'))}\n\n`;
  }
  return (
    `<p><span class="text-remarks" label="备注">${escapeHtml(source.lead)}</span>` +
    `<a href="${url}" target="_blank" rel="nofollow" style="text-decoration: none;"><span class="text-remarks">${escapeHtml(source.name)}</span></a>` +
    `<span class="text-remarks">，${escapeHtml(credits.join('，'))}</span></p>`
  );
}

function heading(text: string, format: CorpusFormat): string {
  return format === 'markdown'
    ? `## ${escapeMarkdown(text)}\n\n`
    : `<h3 label="大标题" class="text-big-title">${escapeHtml(text)}</h3>`;
}

export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function body(voice: Voice, author: string | null, format: CorpusFormat): string {
  const { rand } = voice;
  const source = pick(rand, voice.net ? SOURCES : GENERAL_SOURCES);
  const credits: Credits = {
    source,
    url: `${SOURCE_HOSTS[source.site]}${hex(rand, 16)}`,
    author,
    editor: pick(rand, EDITORS),
  };
  const hasRemarks = rand() < 0.85;
  const head = hasRemarks ? remark(credits, true, format) : '';
  const tail = hasRemarks ? remark(credits, false, format) : '';
  const headings = Array.from({ length: int(rand, 1, 4) }, () =>
    heading(fill(voice, pick(rand, voice.pools.headings)), format),
  );
  const figures = Array.from({ length: int(rand, 0, 4) }, () => figure(rand, pick(rand, DEMO_IMAGES), format));
  // Hexo's excerpt marker after the opening paragraphs, in some Markdown posts.
  const more = format === 'markdown' && rand() < 0.3 ? '<!-- more -->\n\n' : '';
  const [open, close] = format === 'markdown' ? ['', ''] : ['<div>   \n', '  \n</div>\n'];

  const fixed = [head, tail, more, open, close, ...headings, ...figures].reduce((sum, s) => sum + utf8Bytes(s), 0);
  // Skewed towards shorter bodies, like a real feed; the fill below never passes the target.
  const target = BODY_MIN_BYTES + 900 + Math.floor(Math.pow(rand(), 1.4) * (BODY_MAX_BYTES - BODY_MIN_BYTES - 900));
  const paragraphs: string[] = [];
  let size = fixed;
  for (let guard = 0; guard < 500; guard++) {
    const p = paragraph(voice, SOURCE_HOSTS.news, format);
    const bytes = utf8Bytes(p);
    if (size + bytes > target) {
      if (size >= BODY_MIN_BYTES) break;
      continue;
    }
    paragraphs.push(p);
    size += bytes;
  }

  // Intro paragraphs, then each heading followed by its share; figures land between paragraphs.
  const sections: string[][] = [[]];
  for (let i = 0; i < headings.length; i++) sections.push([headings[i] as string]);
  const intro = Math.max(1, Math.floor(paragraphs.length / (headings.length + 2)));
  paragraphs.forEach((p, i) => {
    const section =
      i < intro ? 0 : 1 + Math.floor(((i - intro) * headings.length) / Math.max(1, paragraphs.length - intro));
    (sections[section] as string[]).push(p);
  });
  for (const f of figures) {
    const section = sections[int(rand, 0, sections.length - 1)] as string[];
    section.splice(int(rand, 1, section.length), 0, f);
  }
  if (more) (sections[0] as string[]).push(more);
  return `${open}${head}${sections.flat().join('')}${tail}${close}`;
}

/** YAML single-quoted scalar, the reference's style for titles and URLs. */
const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Every other article (odd index) has a Markdown body, as most real Hexo and Jekyll posts do. */
export function corpusFormat(index: number): CorpusFormat {
  return index % 2 === 1 ? 'markdown' : 'html';
}

/** One article file's text; `index` and `seed` fully determine it. */
export function renderCorpusArticle(
  seed: number,
  index: number,
  options: { date?: Date } = {},
): { name: string; text: string; draft: boolean; format: CorpusFormat } {
  const rand = mulberry32(articleSeed(seed, index));
  const format = corpusFormat(index);
  const net = rand() < NET_SHARE;
  const voice: Voice = { rand, net, pools: net ? NET_POOLS : GENERAL_POOLS };
  const title = fill(voice, pick(rand, voice.pools.titles));
  const categories = some(rand, CATEGORIES, int(rand, 1, 3));
  if (net && !categories.some((c) => NET_CATEGORIES.includes(c))) categories[0] = pick(rand, NET_CATEGORIES);
  const author = rand() < 0.03 ? null : pick(rand, AUTHORS);
  // Drawn even when `options.date` replaces it, so the rest of the article stays the same.
  const drawn = new Date(DATE_FROM + Math.floor((rand() * DATE_SPAN_MS) / 60_000) * 60_000);
  const date = options.date ?? drawn;
  const head = pick(rand, DEMO_IMAGES);
  const hasHead = rand() < 0.92;
  const tags = rand() < 0.4 ? some(rand, net ? [...NET_TAGS, ...TAGS] : TAGS, int(rand, 1, 4)) : [];
  const draft = rand() < 0.01;
  // Reference-format bodies come in all three extensions, as the scraper sites write them; Markdown in .md.
  const htmlExt = rand() < 0.75 ? '.html' : rand() < 0.8 ? '.txt' : '.md';
  const ext = format === 'markdown' ? '.md' : htmlExt;
  const name = `${String(index).padStart(5, '0')}_${hex(rand, 16)}${ext}`;

  const lines = ['---', `title: ${quoted(title)}`, 'categories: ', ...categories.map((c) => ` - ${c}`)];
  if (hasHead) lines.push(`headimg: ${quoted(`/demo/${head.file}`)}`);
  if (author) lines.push(`author: ${author}`);
  lines.push(`comments: ${rand() < 0.3}`, `date: ${date.toUTCString()}`);
  if (hasHead) lines.push(`thumbnail: ${quoted(`/demo/${head.file}`)}`);
  if (tags.length > 0) lines.push('tags:', ...tags.map((t) => ` - ${t}`));
  if (draft) lines.push('draft: true');
  lines.push('---', '', '');
  return { name, text: lines.join('\n') + body(voice, author, format), draft, format };
}
