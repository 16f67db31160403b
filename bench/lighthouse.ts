// `npm run lighthouse` (issue 6, page quality): Lighthouse's mobile profile on the home page and an article
// page of the production build, printed as one small table of scores, LCP, CLS and TBT against the targets.
// Usage and options: scripts/lighthouse/report.ts (USAGE), or `npm run lighthouse -- --help`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { formatTable, verdict, type BenchRow } from './report';
import { installInterruptHandlers } from './children';
import { httpGet } from './http';
import { startNextServer, type RunningServer } from './servers';
import { chromiumPath } from './chromium';
import {
  ArgsError,
  USAGE,
  firstArticlePath,
  losingAudits,
  parseLighthouseArgs,
  resultRows,
  type LighthouseResult,
} from './lighthouse-report';

function log(message: string): void {
  console.error(`lighthouse: ${message}`);
}

/** The production build, started the way `npm start` starts it, with a throwaway database and secret. */
async function startSite(root: string, scratch: string): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(scratch, 'data'),
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  const logFile = path.join(scratch, 'server.log');
  log(`starting the site with server/start.cjs (builds first if there is no build; log in ${logFile})`);
  return startNextServer({ cwd: root, env, logFile, via: 'npm-start', timeoutMs: 20 * 60_000 });
}

async function articlePath(origin: string, chosen: string | null): Promise<string> {
  if (chosen) return chosen;
  const home = await httpGet(`${origin}/`);
  const found = firstArticlePath(home.body.toString('utf8'));
  if (!found) throw new Error(`no article link on ${origin}/ to measure; pass --article /articles/<slug>`);
  return found;
}

/**
 * Lighthouse's own CLI in a plain Node process, attached to our Chromium: under tsx, the esbuild
 * transform renames functions Lighthouse serialises into the page (`__name is not defined`).
 */
async function runLighthouse(root: string, url: string, port: number, jsonFile: string): Promise<LighthouseResult> {
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  const cli = path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    `--port=${port}`,
    '--output=json',
    `--output-path=${jsonFile}`,
    '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
  ];
  try {
    await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    throw new Error(`Lighthouse failed on ${url}: ${detail}`, { cause: error });
  }
  return JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as LighthouseResult;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseLighthouseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ArgsError) {
      console.error(`lighthouse: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const root = process.cwd();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-lighthouse-'));
  let server: RunningServer | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  installInterruptHandlers(() => {
    chrome?.kill();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  try {
    if (!options.url) server = await startSite(root, scratch);
    const origin = options.url ?? server?.baseUrl ?? '';
    const pages = [
      { name: 'home', url: `${origin}/` },
      { name: 'article', url: `${origin}${encodeURI(decodeURI(await articlePath(origin, options.article)))}` },
    ];

    const chromePath = chromiumPath();
    chrome = await chromeLauncher.launch({
      chromePath,
      // No network here beyond localhost: keep Chromium from phoning home while it is measured.
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    log(`Chromium ${chromePath ?? '(found by chrome-launcher)'} on port ${chrome.port}`);

    const rows: BenchRow[] = [];
    const why: string[] = [];
    for (const page of pages) {
      log(`measuring ${page.url}`);
      const lhr = await runLighthouse(
        root,
        page.url,
        chrome.port,
        path.join(options.out ?? scratch, `${page.name}.json`),
      );
      if (lhr.runtimeError) log(`${page.url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const label = `${page.name} ${new URL(page.url).pathname}`;
      rows.push(...resultRows(decodeURI(label), lhr));
      why.push(...losingAudits(lhr).map((line) => `${page.name}: ${line}`));
    }

    console.log(formatTable(rows));
    if (why.length) console.log(`\nwhere points were lost:\n${why.map((l) => `  ${l}`).join('\n')}`);
    const missed = rows.filter((r) => verdict(r) === 'fail' || (r.target && r.value === null));
    if (missed.length && options.strict) {
      log(`${missed.length} target(s) missed (--strict)`);
      return 1;
    }
    return 0;
  } finally {
    chrome?.kill();
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`lighthouse: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
