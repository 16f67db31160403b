import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { findUserByEmail } from '@/lib/accounts/users/users';
import { savedAmong } from '@/lib/accounts/bookmarks';
import { DatabaseError, describeError, openDatabase, queryRows, runMigrations } from './client';
import { DatabaseLockedError, lockFileFor, lockFolder } from './pglite-lock.mjs';
import { makeTempDir } from '@/test/db';

/** `node --import tsx` runs TypeScript in one process, so the pid we see is the one holding the lock. */
const tsNode = [process.execPath, '--import', 'tsx'] as const;
const root = process.cwd();
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDataDir(): string {
  const dir = makeTempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'nested', 'pglite');
}

/** Starts testing-hold.ts and resolves once it holds the folder. */
function holdInChild(dataDir: string, email?: string): Promise<ChildProcess> {
  const child = spawn(
    tsNode[0],
    [...tsNode.slice(1), path.join(root, 'test/db-hold.ts'), dataDir, ...(email ? [email] : [])],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) resolve(child);
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

// Each test initialises a fresh PGlite folder (initdb), which takes several seconds on a busy machine.
describe('PGlite database folder', { timeout: 90_000 }, () => {
  it('creates missing parent folders, keeps data across a close and reopen, and migrating twice changes nothing', async () => {
    const dataDir = tempDataDir();
    const first = await openDatabase({ dataDir, migrate: true });
    await first.db.execute(sql`insert into users (id, email) values ('u1', 'kept@example.com')`);
    await runMigrations(first);
    await first.close();
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false);

    const second = await openDatabase({ dataDir, migrate: true });
    cleanups.push(() => second.close());
    expect((await findUserByEmail(second.db, 'kept@example.com'))?.id).toBe('u1');
    const migrations = await queryRows(second.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(migrations[0]).toEqual({
      n: fs.readdirSync(path.join(root, 'lib/db/migrations')).filter((f) => f.endsWith('.sql')).length,
    });
  });

  it('refuses a second opener in this process while the folder is open', async () => {
    const dataDir = tempDataDir();
    const handle = await openDatabase({ dataDir });
    cleanups.push(() => handle.close());
    await expect(openDatabase({ dataDir })).rejects.toThrow(DatabaseLockedError);
  });

  it('makes `npm run db:migrate` in another process fail at once, naming the folder and the holding pid', async () => {
    const dataDir = tempDataDir();
    const handle = await openDatabase({ dataDir, migrate: true });
    cleanups.push(() => handle.close());
    const started = Date.now();
    const result = spawnSync(tsNode[0], [...tsNode.slice(1), path.join(root, 'scripts/migrate.ts')], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`PGlite folder ${dataDir} is already in use by process ${process.pid}`);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('is refused to this process while a live child holds it, and recovered with its data once the child is killed', async () => {
    const dataDir = tempDataDir();
    const child = await holdInChild(dataDir, 'crash@example.com');
    const attempt = openDatabase({ dataDir });
    await expect(attempt).rejects.toThrow(DatabaseLockedError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`${dataDir.replace(/[/.]/g, '\\$&')} is already in use by process ${child.pid}`),
    );

    child.kill('SIGKILL');
    await exited(child);
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(true);

    const reopened = await openDatabase({ dataDir, migrate: true });
    cleanups.push(() => reopened.close());
    const user = await findUserByEmail(reopened.db, 'crash@example.com');
    expect(user).not.toBeNull();
    expect(new Set((await savedAmong(reopened.db, user?.id ?? '', ['written-before-the-crash'])).keys())).toEqual(
      new Set(['written-before-the-crash']),
    );
  });
});

describe('PGlite folder lock', () => {
  it('recovers a lock whose process has exited', () => {
    const folder = tempDataDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    fs.writeFileSync(
      lockFileFor(folder),
      JSON.stringify({ pid: dead, startTime: null, createdAt: '2020-01-01T00:00:00Z' }),
    );
    const lock = lockFolder(folder);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('recovers a lock whose pid now belongs to a different process (pid reuse after a crash)', () => {
    const folder = tempDataDir();
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    fs.writeFileSync(
      lockFileFor(folder),
      JSON.stringify({ pid: process.pid, startTime: 'an-earlier-boot', createdAt: '' }),
    );
    const lock = lockFolder(folder);
    const taken = JSON.parse(fs.readFileSync(lock.file, 'utf8')) as { pid: number; startTime: string | null };
    expect(taken.pid).toBe(process.pid);
    expect(taken.startTime).not.toBe('an-earlier-boot');
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('opens a DATA_DIR that is a symbolic link, on its real folder, with one lock for the link and the target', async () => {
    const real = tempDataDir();
    fs.mkdirSync(real, { recursive: true });
    const link = path.join(path.dirname(path.dirname(real)), 'linked-data');
    fs.symlinkSync(real, link);
    const handle = await openDatabase({ dataDir: link, migrate: true });
    cleanups.push(() => handle.close());
    expect(handle.location).toBe(fs.realpathSync(real));
    await handle.db.execute(sql`insert into users (id, email) values ('u9', 'linked@example.com')`);
    expect(fs.existsSync(path.join(real, 'PG_VERSION'))).toBe(true);
    await expect(openDatabase({ dataDir: real })).rejects.toThrow(DatabaseLockedError);
  });

  it('names the operation and the cause of a failure, never "[object Object]"', () => {
    expect(new DatabaseError('open PGlite folder /x', { errno: 44 }).message).toBe(
      'Database operation "open PGlite folder /x" failed: ENOENT: no such file or directory',
    );
    expect(new DatabaseError('op', { errno: 999, code: 'EWEIRD' }).message).toContain('file system error 999 (EWEIRD)');
    expect(new DatabaseError('op', { reason: 'odd' }).message).toContain('{"reason":"odd"}');
    expect(new DatabaseError('op', new Error('boom')).message).toContain('boom');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('recovers an unreadable lock file once it is old enough not to be mid-write', () => {
    const folder = tempDataDir();
    const file = lockFileFor(folder);
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    fs.writeFileSync(file, '');
    expect(() => lockFolder(folder)).toThrow(/being opened by another process/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    lockFolder(folder).release();
  });

  it('leaves a lock alone on release once another process has taken it over', () => {
    const folder = tempDataDir();
    const lock = lockFolder(folder);
    fs.writeFileSync(lock.file, JSON.stringify({ pid: 1, startTime: null, createdAt: '' }));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(true);
  });
});
