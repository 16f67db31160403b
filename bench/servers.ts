// Starts the servers the bench measures: `next start` on a built corpus, and the plain static baseline.
import fs from 'node:fs';
import path from 'node:path';
import { onLines, spawnTracked, stripAnsi, type Tracked } from './children';
import { npmStartNodeFlags } from '../scripts/warm-code-cache.mjs';
import { freePort, waitForHttp } from './http';

export type RunningServer = {
  baseUrl: string;
  pid: number;
  /** From starting the process to its first answer (ms), to `readyPath` when one was given. */
  readyMs: number;
  logFile: string;
  /** Stops the server and everything it started; safe to call twice. */
  stop(): Promise<void>;
};

function attachLog(proc: Tracked, logFile: string): () => string[] {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  const recent: string[] = [];
  const take = (line: string) => {
    const text = stripAnsi(line);
    log.write(text + '\n');
    recent.push(text);
    if (recent.length > 30) recent.shift();
  };
  onLines(proc.child.stdout, take);
  onLines(proc.child.stderr, take);
  proc.exited.finally(() => log.end()).catch(() => undefined);
  return () => [...recent];
}

function stopper(proc: Tracked): () => Promise<void> {
  let stopping: Promise<number> | null = null;
  return async () => {
    stopping ??= proc.stop();
    await stopping;
  };
}

/** What the serve and rps stages know of the corpus they measure and how to start more servers on it. */
export type StageContext = {
  root: string;
  benchDir: string;
  size: number;
  /** The corpus's build folder. */
  distDir: string;
  /** The environment a server on this corpus's build needs. */
  env: NodeJS.ProcessEnv;
  options: { connections: number; durationSec: number; warmupSec: number };
  logFile(name: string): string;
  log(message: string): void;
};

export type NextServerOptions = {
  cwd: string;
  /** The same CONTENT_DIR / NEXT_DIST_DIR the build used, plus anything a hook adds (DATA_DIR, DATABASE_URL…). */
  env: NodeJS.ProcessEnv;
  logFile: string;
  timeoutMs?: number;
  /**
   * 'next-start' (default): plain `next start`. 'npm-start': server/start.cjs, the command the README
   * gives, which applies migrations and puts the in-memory response cache in front of Next, started with
   * the Node flags `npm start` gives it (package.json), so its memory is the memory `npm start` has.
   */
  via?: 'next-start' | 'npm-start';
  /**
   * The first request, polled until the server answers it, which must be 200 (default `/`, any status).
   * The serve stage gives an old article never requested: issue 13's "start → first answer".
   */
  readyPath?: string;
};

// The Node flags package.json's `start` script puts before server/start.cjs (e.g. the heap limit), which the
// build's code-cache warm-up starts its server with too.
export { npmStartNodeFlags };

export async function startNextServer(opts: NextServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const spawnedAt = performance.now();
  const nextBin = path.join(opts.cwd, 'node_modules', 'next', 'dist', 'bin', 'next');
  const command =
    opts.via === 'npm-start'
      ? [...npmStartNodeFlags(opts.cwd), path.join(opts.cwd, 'server', 'start.cjs')]
      : [nextBin, 'start'];
  const proc = spawnTracked(process.execPath, [...command, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent = attachLog(proc, opts.logFile);
  const stop = stopper(proc);
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited = false;
  proc.exited.then(() => (exited = true)).catch(() => (exited = true));
  let readyMs = 0;
  try {
    const first = await waitForHttp(baseUrl + (opts.readyPath ?? '/'), {
      timeoutMs: opts.timeoutMs ?? 120_000,
      gone: () => exited,
    });
    readyMs = performance.now() - spawnedAt;
    if (opts.readyPath && first.status !== 200)
      throw new Error(`its first answer, to ${opts.readyPath}, was ${first.status}, not 200`);
  } catch (error) {
    await stop();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${opts.via === 'npm-start' ? 'npm start' : 'next start'} failed: ${why}\n--- last lines of ${opts.logFile} ---\n${recent().join('\n')}`,
      { cause: error },
    );
  }
  return { baseUrl, pid: proc.pid, readyMs, logFile: opts.logFile, stop };
}

/** Serves `file` (read from disk on every request, no in-memory copy) from a separate node process. */
export async function startStaticServer(opts: { cwd: string; file: string; logFile: string }): Promise<RunningServer> {
  const script = path.join(opts.cwd, 'bench', 'static-server.mjs');
  const proc = spawnTracked(process.execPath, [script, opts.file, '0'], {
    cwd: opts.cwd,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = stopper(proc);
  const recent = attachLog(proc, opts.logFile);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server did not start within 15 s')), 15_000);
    const onLine = (line: string) => {
      const m = /^listening on (\d+)$/.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    onLines(proc.child.stdout, onLine);
    proc.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the static server exited (${code}): ${recent().join('\n')}`));
    }, reject);
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: proc.pid, readyMs: 0, logFile: opts.logFile, stop };
}
