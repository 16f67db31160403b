// What a reader's phone pays to open a page (issue 16): the JavaScript the page loads before it is
// interactive, gzipped, per page type (home, article, category, search), split into the framework's
// share (React, Next's router, the bundler's runtime) and ours; and the main-thread time of an article
// page load in Chromium with the CPU slowed 4×, from a performance trace (median of five loads, each in a
// fresh browser context with an empty cache), with the part of it in long tasks (what Lighthouse's TBT adds).
import { chromium, type Browser } from '@playwright/test';
import { httpGet } from './http';
import { measurePageWeight, type PageWeight } from './page-weight';
import { percentile } from './stats';

export type PageKind = 'home' | 'article' | 'category' | 'search';

export type FirstLoad = {
  kind: PageKind;
  path: string;
  weight: PageWeight;
  /** gzip bytes of the scripts holding React, Next's client runtime and the bundler's runtime. */
  frameworkGzipBytes: number;
};

export type MainThread = { medianMs: number; runsMs: number[]; longTaskMs: number; scriptMs: number };

/** A script belongs to the framework when it carries React DOM, Next's app router or Turbopack's runtime. */
export function isFrameworkScript(src: string, text: string): boolean {
  return (
    /\/turbopack-[\w-]+\.js$/.test(src) ||
    /\bhydrateRoot\b/.test(text) ||
    /next-router-state-tree|__NEXT_ROUTER|ACTION_SERVER_ACTION/.test(text) ||
    // The process shim Next's router pulls in.
    /^\(globalThis\.TURBOPACK[^]{0,200}e\.g\.process/.test(text)
  );
}

/** Finds one address of each page type on a running site, from its own links. */
export async function pagePaths(baseUrl: string): Promise<Record<PageKind, string>> {
  const home = (await httpGet(`${baseUrl}/`)).body.toString('utf8');
  const article = /href="(\/articles\/[^"#?]+)"/.exec(home)?.[1];
  const category = /href="(\/categories\/[^"#?/]+)"/.exec(home)?.[1];
  if (!article || !category) throw new Error('the home page links to no article or no category');
  const page = (await httpGet(baseUrl + article)).body.toString('utf8');
  const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(page)?.[1] ?? '文章';
  const word = (title.match(/\p{Script=Han}{2}/u) ?? ['文章'])[0];
  return { home: '/', article, category, search: `/search?q=${encodeURIComponent(word)}` };
}

export async function measureFirstLoad(baseUrl: string, kind: PageKind, path: string): Promise<FirstLoad> {
  const url = baseUrl + path;
  const res = await httpGet(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  const weight = await measurePageWeight(url, res.body);
  let frameworkGzipBytes = 0;
  for (const script of weight.scripts) {
    const text = (await httpGet(new URL(script.src, url).toString())).body.toString('utf8');
    if (isFrameworkScript(script.src, text)) frameworkGzipBytes += script.gzipBytes;
  }
  return { kind, path, weight, frameworkGzipBytes };
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args?: { name?: string };
};

/** Main-thread busy time of the page's renderer in a Chrome trace: top-level tasks, their long-task excess, and script time. */
export function mainThreadFromTrace(trace: { traceEvents: TraceEvent[] }): {
  taskMs: number;
  longTaskMs: number;
  scriptMs: number;
} {
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Total Blocking Time starts at first contentful paint (Lighthouse's definition): the document's
  // parse and first layout come before it, and a task that straddles it counts from it on.
  const fcp = new Map<number, number>();
  for (const e of trace.traceEvents) {
    if (e.name !== 'firstContentfulPaint' || e.ts === undefined) continue;
    fcp.set(e.pid, Math.min(fcp.get(e.pid) ?? Infinity, e.ts));
  }
  const byThread = new Map<string, { taskMs: number; longTaskMs: number; scriptMs: number }>();
  for (const e of trace.traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || e.ph !== 'X' || e.dur === undefined) continue;
    const t = byThread.get(key) ?? { taskMs: 0, longTaskMs: 0, scriptMs: 0 };
    const ms = e.dur / 1000;
    if (e.name === 'RunTask') {
      t.taskMs += ms;
      const start = e.ts ?? 0;
      const from = Math.max(start, fcp.get(e.pid) ?? -Infinity);
      const afterPaint = (start + e.dur - from) / 1000;
      t.longTaskMs += Math.max(0, afterPaint - 50);
    } else if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'FunctionCall') {
      t.scriptMs += ms;
    }
    byThread.set(key, t);
  }
  // The page's renderer is the busiest one (about:blank and extensions barely run).
  return [...byThread.values()].sort((a, b) => b.taskMs - a.taskMs)[0] ?? { taskMs: 0, longTaskMs: 0, scriptMs: 0 };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((x, y) => x - y),
    50,
  );

/** Loads `url` `runs` times with the CPU slowed `rate`×, tracing each load until the page has settled. */
export async function measureMainThread(
  url: string,
  options: { runs?: number; rate?: number; executablePath?: string } = {},
): Promise<MainThread> {
  const runs = options.runs ?? 5;
  const browser: Browser = await chromium.launch({
    executablePath: options.executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
  const results: Array<{ taskMs: number; longTaskMs: number; scriptMs: number }> = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.rate ?? 4 });
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
      });
      await page.goto(url, { waitUntil: 'load' });
      // Hydration and the islands' first effects run after load; let the page settle.
      await page.waitForTimeout(2000);
      const buffer = await browser.stopTracing();
      results.push(mainThreadFromTrace(JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const runsMs = results.map((r) => r.taskMs);
  const mid = results[runsMs.indexOf(median(runsMs))] ?? results[0]!;
  return {
    medianMs: median(runsMs),
    runsMs,
    longTaskMs: median(results.map((r) => r.longTaskMs)),
    scriptMs: mid.scriptMs,
  };
}
