// The bench's corpora: generated (seeded) into .bench/corpus-N, and the articles the page benches request.
import fs from 'node:fs';
import path from 'node:path';
import { buildContentIndex, openContentIndex } from '@/lib/content/index';
import { siteIndexFile } from '@/lib/content/index-path.mjs';
import { articlePath } from '@/lib/content/paths';
import type { ArticleMeta } from '@/lib/content/types';
import { DEFAULT_SEED, generateCorpus, type CorpusSummary } from './generate-corpus';

export type CorpusPaths = { size: number; corpusDir: string; distDir: string };

export function corpusPaths(benchDir: string, size: number): CorpusPaths {
  return { size, corpusDir: path.join(benchDir, `corpus-${size}`), distDir: path.join(benchDir, `next-${size}`) };
}

export async function writeCorpus(
  dir: string,
  count: number,
  seed: number | null,
): Promise<CorpusSummary & { seconds: number }> {
  const t0 = performance.now();
  const summary = await generateCorpus({ dir, count, seed: seed ?? DEFAULT_SEED });
  return { ...summary, seconds: (performance.now() - t0) / 1000 };
}

export type ChosenArticle = { slug: string; title: string; date: string; path: string; prerendered: boolean | null };

export type ArticleChoice = {
  published: number;
  /** Article routes in the build's prerender manifest; null when the manifest could not be read. */
  prerenderedArticles: number | null;
  newest: ChosenArticle;
  oldest: ChosenArticle;
};

/** Routes Next.js prerendered at build time, from `<distDir>/prerender-manifest.json`. */
export function prerenderedRoutes(distDir: string): Set<string> | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as {
      routes?: Record<string, unknown>;
    };
    return new Set(Object.keys(manifest.routes ?? {}));
  } catch {
    return null;
  }
}

function routeIn(routes: Set<string> | null, urlPath: string): boolean | null {
  if (!routes) return null;
  // The manifest spells non-ASCII slugs either way depending on the Next.js version.
  return routes.has(urlPath) || routes.has(decodeURIComponent(urlPath));
}

function chosen(meta: ArticleMeta, routes: Set<string> | null): ChosenArticle {
  const urlPath = articlePath(meta.slug);
  return { slug: meta.slug, title: meta.title, date: meta.date, path: urlPath, prerendered: routeIn(routes, urlPath) };
}

/**
 * Slugs an earlier bench run already requested from this build (kept inside the build folder, so
 * a clean build forgets them): their pages sit in the ISR cache and no longer show a first render.
 */
const REQUESTED_FILE = 'bench-requested.json';

export function requestedBefore(distDir: string): Set<string> {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(distDir, REQUESTED_FILE), 'utf8')) as unknown;
    return new Set(Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

export function rememberRequested(distDir: string, slugs: string[]): void {
  const all = requestedBefore(distDir);
  for (const slug of slugs) all.add(slug);
  fs.writeFileSync(path.join(distDir, REQUESTED_FILE), JSON.stringify([...all]) + '\n');
}

/**
 * The newest published article (prerendered by the build) and the oldest one neither prerendered
 * nor requested by an earlier run (so its first request really renders it), read from the site index
 * the app itself uses, so slugs and order match the site's.
 */
export function chooseArticles(corpusDir: string, distDir: string, timeZone: string): ArticleChoice {
  // The build's own index when there is one (a 100,000-article corpus is not parsed again to choose two).
  const dbFile = siteIndexFile(distDir);
  const content = fs.existsSync(dbFile)
    ? openContentIndex(dbFile, corpusDir)
    : buildContentIndex({ dir: corpusDir, timeZone });
  try {
    const routes = prerenderedRoutes(distDir);
    const requested = requestedBefore(distDir);
    const fresh = (slug: string) => !requested.has(slug) && routeIn(routes, articlePath(slug)) !== true;
    const all = content.slugsAndDates();
    const newest = content.latest(1)[0];
    const oldestSlug = all.findLast((a) => fresh(a.slug))?.slug ?? all[all.length - 1]?.slug;
    const oldest = oldestSlug === undefined ? undefined : content.getMeta(oldestSlug);
    if (!newest || !oldest) throw new Error(`${corpusDir}: no published articles to request`);
    return {
      published: content.count,
      prerenderedArticles: routes ? [...routes].filter((r) => r.startsWith('/articles/')).length : null,
      newest: chosen(newest, routes),
      oldest: chosen(oldest, routes),
    };
  } finally {
    content.db.close();
  }
}
