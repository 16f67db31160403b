// Child processes the bench starts, each in its own process group, so an error or Ctrl-C never leaves a server
// or build behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();

export type Tracked = {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or 128 + signal number) once the process has exited. */
  exited: Promise<number>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the leader has exited. */
  stop(graceMs?: number): Promise<number>;
};

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function spawnTracked(command: string, args: string[], options: SpawnOptions): Tracked {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) {
    throw new Error(`could not start ${command} ${args.join(' ')}`);
  }
  const pid = child.pid;
  live.add(child);
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', (error) => {
      live.delete(child);
      reject(new Error(`${command} ${args.join(' ')}: ${error.message}`, { cause: error }));
    });
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0));
    });
  });
  // Callers await `exited`; this keeps an unobserved spawn error from crashing the process.
  exited.catch(() => undefined);

  const stop = async (graceMs = 5000) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      signalGroup(pid, 'SIGKILL'); // stragglers the leader left behind
      return exited;
    }
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
      signalGroup(pid, 'SIGKILL');
    }
  };
  return { child, pid, exited, stop };
}

/** Kills every group still running, synchronously (safe inside an 'exit' handler). */
export function killAllTracked(): void {
  for (const child of live) {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  }
  live.clear();
}

let installed = false;

/** On Ctrl-C or SIGTERM: kill every child group, then exit with the conventional code. */
export function installInterruptHandlers(onInterrupt?: () => void): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      onInterrupt?.();
      killAllTracked();
      process.exit(128 + (SIGNALS[signal] ?? 0));
    });
  }
  process.once('exit', killAllTracked);
}

/** Calls `onLine` for each complete line of a stream (and the unterminated rest at its end). */
export function onLines(stream: NodeJS.ReadableStream | null | undefined, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split(/\r?\n/);
    rest = parts.pop() ?? '';
    for (const line of parts) onLine(line);
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
    rest = '';
  });
}

/** Removes terminal colour and cursor codes so output can be parsed and logged as plain text. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}
