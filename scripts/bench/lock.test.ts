import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdLock, spawnLocked } from './lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-lock-'));
const lockFile = path.join(dir, 'build.lock');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the build lock', () => {
  it('starts a locked command only once the holder lets go, and reports the wait', async () => {
    const held = await holdLock(lockFile);
    const t0 = performance.now();
    const proc = spawnLocked('true', [], {}, lockFile);
    let startedAt = 0;
    const started = proc.started.then((t) => (startedAt = t));
    await new Promise((r) => setTimeout(r, 400));
    expect(startedAt).toBe(0);

    await held.release();
    await started;
    expect(await proc.exited).toBe(0);
    expect(startedAt - t0).toBeGreaterThanOrEqual(350);
    expect(proc.lockWaitSec()).toBeGreaterThanOrEqual(0.35);
  });

  it('starts at once when nobody holds it', async () => {
    const proc = spawnLocked('sh', ['-c', 'exit 3'], {}, lockFile);
    await proc.started;
    expect(await proc.exited).toBe(3);
    expect(proc.lockWaitSec()).toBeLessThan(0.5);
  });
});
