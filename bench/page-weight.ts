// What a reader downloads for one page: its HTML, and the JavaScript its <script src> tags load, raw and gzipped.
import zlib from 'node:zlib';
import { httpGet } from './http';

export type ScriptRef = { src: string; nomodule: boolean };

function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Every `<script src>` in document order, once each; `nomodule` ones are marked (modern browsers skip them). */
export function scriptSources(html: string): ScriptRef[] {
  const seen = new Set<string>();
  const out: ScriptRef[] = [];
  for (const tag of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = tag[1] ?? '';
    const m = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attrs);
    if (!m) continue;
    const src = decodeAttribute(m[1] ?? m[2] ?? m[3] ?? '');
    if (!src || seen.has(src)) continue;
    seen.add(src);
    out.push({ src, nomodule: /(?:^|\s)nomodule(?:\s|=|$)/i.test(attrs) });
  }
  return out;
}

export function gzipSize(bytes: Buffer): number {
  return zlib.gzipSync(bytes).length;
}

export type ScriptWeight = { src: string; bytes: number; gzipBytes: number };

export type PageWeight = {
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Scripts a modern browser loads (nomodule ones excluded), with their sizes. */
  scripts: ScriptWeight[];
  jsBytes: number;
  jsGzipBytes: number;
  /** nomodule polyfills, listed apart because modern browsers never fetch them. */
  skippedNomodule: string[];
};

/** Fetches each script of `html` from `pageUrl`'s server and adds up its size. */
export async function measurePageWeight(pageUrl: string, html: Buffer): Promise<PageWeight> {
  const refs = scriptSources(html.toString('utf8'));
  const scripts: ScriptWeight[] = [];
  for (const ref of refs.filter((r) => !r.nomodule)) {
    const url = new URL(ref.src, pageUrl).toString();
    const res = await httpGet(url);
    if (res.status !== 200) throw new Error(`GET ${url} (a script of ${pageUrl}) answered ${res.status}`);
    scripts.push({ src: ref.src, bytes: res.body.length, gzipBytes: gzipSize(res.body) });
  }
  return {
    htmlBytes: html.length,
    htmlGzipBytes: gzipSize(html),
    scripts,
    jsBytes: scripts.reduce((n, s) => n + s.bytes, 0),
    jsGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
    skippedNomodule: refs.filter((r) => r.nomodule).map((r) => r.src),
  };
}
