// The feature benches of `npm run bench` (bench/hooks/, registered in run.ts): each against the corpus
// size it asks for, with the servers it starts stopped after it, its rows or its failure in the table.
import fs from 'node:fs';
import path from 'node:path';
import { corpusPaths } from './corpus';
import { CORPUS_MARKER } from './generate-corpus';
import { hookSize, registeredBenches, type BenchContext } from './registry';
import type { BenchRow } from './report';
import { errorText, log, logFile, rel, serverEnv, type Run } from './run-context';
import { startNextServer, type RunningServer } from './servers';

export type HookResult = { name: string; size: number; rows: BenchRow[]; error?: string };

export async function runHooks(run: Run): Promise<HookResult[]> {
  const selected = registeredBenches().filter(
    (h) => run.options.hooks.length === 0 || run.options.hooks.includes(h.name),
  );
  const out: HookResult[] = [];
  for (const hook of selected) {
    const size = hookSize(hook, run.options.sizes);
    if (size === undefined) continue;
    const paths = corpusPaths(run.benchDir, size);
    const group = `${hook.name}, ${size.toLocaleString('en-US')} articles`;
    const needs =
      hook.needsBuild === false ? path.join(paths.corpusDir, CORPUS_MARKER) : path.join(paths.distDir, 'BUILD_ID');
    if (!fs.existsSync(needs)) {
      const what =
        hook.needsBuild === false
          ? `no corpus in ${rel(run, paths.corpusDir)}`
          : `no build in ${rel(run, paths.distDir)}`;
      const row: BenchRow = { group, metric: `${hook.name} skipped`, value: null, unit: '', note: what };
      run.rows.push(row);
      out.push({ name: hook.name, size, rows: [row], error: row.note });
      continue;
    }
    log(`hook ${hook.name}: ${hook.description}`);
    const servers: RunningServer[] = [];
    const ctx: BenchContext = {
      size,
      root: run.root,
      benchDir: run.benchDir,
      corpusDir: paths.corpusDir,
      distDir: paths.distDir,
      options: run.options,
      log: (message) => log(`${hook.name}: ${message}`),
      startServer: async (label, extraEnv = {}, options = {}) => {
        const server = await startNextServer({
          cwd: run.root,
          env: { ...serverEnv(run, paths), ...extraEnv },
          logFile: logFile(run, `${hook.name}-${label}-${size}`),
          via: options.via,
        });
        servers.push(server);
        return server;
      },
    };
    try {
      const rows = (await hook.run(ctx)).map((r) => ({ ...r, group: r.group || group }));
      run.rows.push(...rows);
      out.push({ name: hook.name, size, rows });
    } catch (error) {
      const row: BenchRow = {
        group,
        metric: `${hook.name} failed`,
        value: null,
        unit: '',
        note: errorText(error).split('\n')[0],
      };
      run.rows.push(row);
      out.push({ name: hook.name, size, rows: [row], error: errorText(error) });
      log(`hook ${hook.name} failed: ${errorText(error)}`);
    } finally {
      for (const server of servers) await server.stop();
    }
  }
  return out;
}
