// What pages read the content through: the build's index, opened without the code that compiles one
// (built-index.ts), and an article's body from its file (body.ts). Where no build wrote the index (`next
// dev`, a plain `next build`), index.ts compiles it — loaded only then, so a served page's first render
// never loads the compiler, the front matter schema and the rest of the index step (async for that).
import { readArticleBody } from './body';
import { getBuiltContentIndex } from './built-index';
import type { ContentIndex } from './queries';
import type { Article } from './types';

/** The process-wide index (index.ts's getContentIndex(), without loading it when a build wrote the file). */
export async function siteIndex(): Promise<ContentIndex> {
  return getBuiltContentIndex() ?? (await import('./index')).getContentIndex();
}

/** A published article with its body, read from disk now (the index keeps no bodies). */
export async function siteArticle(slug: string): Promise<Article | undefined> {
  const index = await siteIndex();
  const meta = index.getMeta(slug);
  if (!meta) return undefined;
  const body = readArticleBody(index.dir, meta.file);
  return body === null ? undefined : { ...meta, body };
}
