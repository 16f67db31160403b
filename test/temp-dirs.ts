// Temporary folders for a test file: made under the system's temporary folder, removed after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Call at a test file's top level. `make()` makes a new folder named `<prefix>…`; `track(dir)` has a folder
 * made elsewhere removed too.
 */
export function tempDirs(prefix: string) {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    make(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    track(dir: string): void {
      dirs.push(dir);
    },
  };
}
