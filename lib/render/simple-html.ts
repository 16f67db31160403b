// A fast parser for the plain, well-formed HTML article bodies are almost always written in, giving the
// very tree rehype-parse (parse5) gives, or null for anything outside that subset so the caller uses parse5.
//
// Why: parse5 implements every recovery rule of the HTML standard and costs ~1 ms per article, which is
// most of what analysing a 10,000-article corpus costs at build time. Bodies in the source format are
// paragraphs, headings, spans, links and images, properly closed. For such input the standard's tree
// construction reduces to "each start tag opens a child of the current element, each end tag closes it",
// and that is all this parser does. It refuses (returns null) everything where the standard does more:
// unknown or special elements (script, table, template, svg…), anything that would close an element
// implicitly (a block inside an open <p>, an unclosed or mismatched tag, nested <a>), comments, doctypes,
// character references beyond a short list, carriage returns and NULs. Elements are made with the same
// hastscript call hast-util-from-parse5 uses, so properties come out identical. simple-html.test.ts
// compares the two parsers on the demo content, a generated corpus and a fuzzed mix of valid and broken
// markup. The tree is untrusted either way: the sanitizer runs on it after the transforms, as before.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';

/** Elements with no end tag and no children. */
const VOID = new Set(['img', 'br', 'wbr', 'hr']);

/** Phrasing elements the standard inserts without side effects (beyond formatting bookkeeping that balanced markup never uses). */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'img',
  'br',
  'wbr',
]);

/** Block elements that close an open <p> (so they are refused inside one) but are otherwise plain. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
  'figcaption',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'address',
  'center',
  'hr',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Named references accepted when written with their semicolon; any other name falls back to parse5. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  middot: '\u00b7',
  times: '\u00d7',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  bull: '\u2022',
};

/** Code points a numeric reference may name without the standard substituting or flagging them. */
function plainCodePoint(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
  if ((cp & 0xfffe) === 0xfffe) return false;
  return cp <= 0x10ffff;
}

class Refused extends Error {}

function refuse(): never {
  throw new Refused();
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t';
/** The standard lower-cases ASCII letters only in tag and attribute names. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** Decodes the character reference at `at` (an `&`); returns the text and the index after it. */
function reference(html: string, at: number): [string, number] {
  const next = html[at + 1];
  if (next === '#') {
    const hex = html[at + 2] === 'x' || html[at + 2] === 'X';
    const m = (hex ? /^[0-9a-fA-F]{1,6};/ : /^[0-9]{1,7};/).exec(html.slice(at + (hex ? 3 : 2), at + 12));
    if (!m) refuse();
    const cp = parseInt(m[0].slice(0, -1), hex ? 16 : 10);
    if (!plainCodePoint(cp)) refuse();
    return [String.fromCodePoint(cp), at + (hex ? 3 : 2) + m[0].length];
  }
  // `&` before anything that cannot start a reference is just an ampersand.
  if (next === undefined || !/[0-9A-Za-z]/.test(next)) return ['&', at + 1];
  const m = /^([A-Za-z0-9]{1,32});/.exec(html.slice(at + 1, at + 35));
  const value = m ? NAMED[m[1]!] : undefined;
  if (!m || value === undefined) refuse();
  return [value, at + 1 + m[0].length];
}

function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) break;
    out += raw.slice(i, amp);
    const [text, after] = reference(raw, amp);
    out += text;
    i = after;
  }
  return out + raw.slice(i);
}

type Open = { tagName: string; attrs: Record<string, string>; children: ElementContent[] };

/** Reads a start tag's attributes from `i` (just after the name) to its `>`; returns them, whether it ended in `/>`, and the index after it. */
function attributes(html: string, start: number): [Record<string, string>, boolean, number] {
  const attrs: Record<string, string> = {};
  let i = start;
  for (;;) {
    while (isSpace(html[i])) i++;
    const c = html[i];
    if (c === '>') return [attrs, false, i + 1];
    if (c === '/') {
      if (html[i + 1] !== '>') refuse();
      return [attrs, true, i + 2];
    }
    if (c === undefined || c === '=') refuse();
    let end = i;
    while (end < html.length && !isSpace(html[end]) && html[end] !== '/' && html[end] !== '>' && html[end] !== '=')
      end++;
    const name = asciiLower(html.slice(i, end));
    if (/["'<]/.test(name)) refuse();
    // The standard keeps the first of two attributes with one name and reports the second.
    if (Object.prototype.hasOwnProperty.call(attrs, name)) refuse();
    i = end;
    while (isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) refuse();
        value = decode(html.slice(i + 1, close));
        i = close + 1;
        // Attributes run together without a space are a parse error: leave them to parse5.
        if (!isSpace(html[i]) && html[i] !== '>' && html[i] !== '/') refuse();
      } else {
        let stop = i;
        while (stop < html.length && !isSpace(html[stop]) && html[stop] !== '>') stop++;
        const raw = html.slice(i, stop);
        if (raw === '' || /["'<=`]/.test(raw)) refuse();
        value = decode(raw);
        i = stop;
      }
    }
    attrs[name] = value;
  }
}

function build(node: Open): Element {
  // Exactly what hast-util-from-parse5 does with an element: own names only, then hastscript's h().
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!Object.prototype.hasOwnProperty.call(Object.prototype, name)) properties[name] = value;
  }
  return h(node.tagName, properties, node.children);
}

function appendText(parent: Open | { children: ElementContent[] }, value: string): void {
  if (value === '') return;
  const last = parent.children[parent.children.length - 1];
  if (last?.type === 'text') last.value += value;
  else parent.children.push({ type: 'text', value });
}

function parse(html: string): Root {
  // Input the standard rewrites before tokenizing (newline normalisation, NULs, form feeds, a BOM).
  if (/[\r\0\f]/.test(html) || html.startsWith('\ufeff')) refuse();
  const root = { children: [] as ElementContent[] };
  const stack: Open[] = [];
  let openParagraphs = 0;
  let openLinks = 0;
  const current = () => stack[stack.length - 1] ?? root;

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) appendText(current(), decode(html.slice(i, textEnd)));
    if (lt < 0) break;
    i = lt;
    const next = html[i + 1];

    if (next === '/') {
      if (!isAsciiLetter(html[i + 2])) refuse();
      const close = html.indexOf('>', i);
      if (close < 0) refuse();
      const m = /^([a-zA-Z][a-zA-Z0-9]*)[ \n\t]*$/.exec(html.slice(i + 2, close));
      if (!m) refuse();
      const name = asciiLower(m[1]!);
      const top = stack[stack.length - 1];
      // Only the end tag of the element open right now: anything else makes the standard close or reopen elements.
      if (!top || top.tagName !== name) refuse();
      stack.pop();
      if (name === 'p') openParagraphs--;
      if (name === 'a') openLinks--;
      current().children.push(build(top));
      i = close + 1;
      continue;
    }

    if (!isAsciiLetter(next)) {
      // `<!--`, `<!DOCTYPE`, `<?`… are not in the subset; a `<` before anything else is text, but rare enough to
      // leave to parse5.
      refuse();
    }
    let end = i + 1;
    while (end < html.length && /[a-zA-Z0-9]/.test(html[end]!)) end++;
    const after = html[end];
    if (!isSpace(after) && after !== '>' && after !== '/') refuse();
    const name = asciiLower(html.slice(i + 1, end));
    const phrasing = PHRASING.has(name);
    if (!phrasing && !BLOCK.has(name)) refuse();
    // A block start tag closes an open <p>; a heading closes a heading; <li> closes an <li>; <a> closes an <a>.
    if (!phrasing && openParagraphs > 0) refuse();
    const parent = stack[stack.length - 1];
    if (HEADINGS.has(name) && parent && HEADINGS.has(parent.tagName)) refuse();
    if (name === 'li' && parent?.tagName !== 'ul' && parent?.tagName !== 'ol') refuse();
    if (name === 'a' && openLinks > 0) refuse();

    const [attrs, selfClosing, resume] = attributes(html, end);
    i = resume;
    const node: Open = { tagName: name, attrs, children: [] };
    if (VOID.has(name)) {
      current().children.push(build(node));
      continue;
    }
    // `<span/>` does not close itself in HTML: parse5 would treat it as a start tag.
    if (selfClosing) refuse();
    stack.push(node);
    if (name === 'p') openParagraphs++;
    if (name === 'a') openLinks++;
  }
  if (stack.length > 0) refuse();
  return { type: 'root', children: root.children, data: { quirksMode: false } };
}

/** The hast tree parse5 would build for `html` as a fragment (without source positions), or null when `html` is outside the simple subset. */
export function parseSimpleHtml(html: string): Root | null {
  try {
    return parse(html);
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
}
