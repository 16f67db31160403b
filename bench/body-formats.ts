// Bench for issue 12: what a Markdown body costs next to an HTML one. Every file of a corpus is read and put
// through the site's own pipeline (lib/render: parse, transforms, sanitizer, analysis — the work the content
// index and each article page do per body), timed per file and grouped by the format the loader decides;
// then the whole content index is built once, as `next build` does on a clean cache.
import fs from 'node:fs';
import path from 'node:path';
import { buildContentIndex } from '@/lib/content/index';
import { listContentFiles } from '@/lib/content/files';
import { splitFrontMatter } from '@/lib/content/front-matter';
import { analyzeArticle } from '@/lib/render/analyze';
import { detectBodyFormat, type BodyFormat } from '@/lib/render/body-format';

export type FormatFigures = {
  files: number;
  /** Mean body size, KiB. */
  meanKiB: number;
  /** Milliseconds per body. */
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  /** Body bytes rendered per second, MiB/s. */
  MiBps: number;
};

export type BodyFormatsResult = {
  files: number;
  byFormat: Record<BodyFormat, FormatFigures | null>;
  /** Milliseconds per KiB of Markdown over the same for HTML; null without both. */
  markdownOverHtml: number | null;
  /** Seconds to build the content index of the whole corpus with no parse cache (a clean build's index). */
  indexSeconds: number;
};

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function figures(samples: { ms: number; bytes: number }[]): FormatFigures | null {
  if (samples.length === 0) return null;
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const totalMs = ms.reduce((a, b) => a + b, 0);
  const bytes = samples.reduce((a, s) => a + s.bytes, 0);
  return {
    files: samples.length,
    meanKiB: bytes / samples.length / 1024,
    meanMs: totalMs / samples.length,
    p50Ms: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    MiBps: bytes / 1024 / 1024 / (totalMs / 1000),
  };
}

/** Times every body of `dir` (after a warm-up of `warmup` bodies per format), then the whole index. */
export function benchBodyFormats(options: {
  dir: string;
  timeZone: string;
  warmup?: number;
  log?: (message: string) => void;
}): BodyFormatsResult {
  const { dir, timeZone, warmup = 50, log = () => {} } = options;
  const bodies: { format: BodyFormat; body: string; bytes: number }[] = [];
  for (const file of listContentFiles(dir).files) {
    let body: string;
    try {
      body = splitFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8')).body;
    } catch {
      continue; // a file the loader leaves out is not a body to time
    }
    bodies.push({ format: detectBodyFormat(file, body), body, bytes: Buffer.byteLength(body) });
  }
  log(`${bodies.length} bodies: warming up, then timing each`);
  for (const format of ['html', 'markdown'] as const) {
    for (const b of bodies.filter((x) => x.format === format).slice(0, warmup)) analyzeArticle(b.body, format);
  }
  const samples: Record<BodyFormat, { ms: number; bytes: number }[]> = { html: [], markdown: [] };
  for (const { format, body, bytes } of bodies) {
    const t0 = performance.now();
    analyzeArticle(body, format);
    samples[format].push({ ms: performance.now() - t0, bytes });
  }
  const html = figures(samples.html);
  const markdown = figures(samples.markdown);
  const perKiB = (f: FormatFigures) => f.meanMs / f.meanKiB;

  log('building the content index with no parse cache');
  const t0 = performance.now();
  const built = buildContentIndex({ dir, timeZone });
  if (built.count === 0) throw new Error(`${dir}: the content index holds no published article`);
  const indexSeconds = (performance.now() - t0) / 1000;

  return {
    files: bodies.length,
    byFormat: { html, markdown },
    markdownOverHtml: html && markdown ? perKiB(markdown) / perKiB(html) : null,
    indexSeconds,
  };
}
