// Hexo tag plugins and Liquid ({% … %}, {{ … }}) are a static site generator's templates, not text: this
// site never runs them. The tags are taken out (what a block tag encloses stays, as text), `{% raw %}`
// sections keep their contents verbatim, and code is left alone; the caller warns about what went.
import type { BodyFormat } from './body-format';

const TAG = /\{%-?\s*([a-zA-Z_][\w-]*)[^%]*?-?%\}|\{\{-?[^{}]*?-?\}\}/g;
const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
/** Regions template tags are never taken out of: fenced and indented code in Markdown, <pre>/<code> in HTML. */
const PROTECTED: Record<BodyFormat, RegExp> = {
  markdown: /(^|\n)( {0,3})(```|~~~)[^\n]*\n[\s\S]*?\n\2\3[^\n]*(?=\n|$)|`[^`\n]+`/g,
  html: /<(pre|code)\b[\s\S]*?<\/\1>/gi,
};

export type TemplateStrip = { text: string; removed: string[] };

/** Names of the tags taken out, for the warning: `{% youtube %}`, `{{ … }}`. */
function label(match: string, name: string | undefined): string {
  return name ? `{% ${name} %}` : match.length > 40 ? `${match.slice(0, 37)}…}}` : match;
}

export function stripTemplateTags(body: string, format: BodyFormat): TemplateStrip {
  if (!body.includes('{%') && !body.includes('{{')) return { text: body, removed: [] };
  const removed = new Set<string>();
  const kept: string[] = [];
  // Set aside what must stay verbatim, behind placeholders that no tag pattern matches.
  const hold = (text: string) => `\uE000${kept.push(text) - 1}\uE001`;
  let text = body.replace(RAW_BLOCK, (_, inner: string) => hold(inner));
  text = text.replace(PROTECTED[format], (match) => hold(match));
  text = text.replace(TAG, (match, name: string | undefined) => {
    removed.add(label(match, name));
    return '';
  });
  text = text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)] ?? '');
  return { text, removed: [...removed] };
}
