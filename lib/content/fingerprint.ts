// Identifies the code that compiled a site index: the sources of the loader, the renderer and the search
// terms, when they are on disk (builds, dev, tests). Without it a change to, say, the excerpt rules would
// keep serving stale excerpts carried over from the previous build's index.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SITE_DB_VERSION } from './site-db';

function listSources(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => {
      const full = path.join(/*turbopackIgnore: true*/ dir, e.name);
      if (e.isDirectory()) return listSources(full);
      return /\.(?:tsx?|mjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    })
    .sort();
}

const fingerprints = new Map<string, string>();

export function codeFingerprint(cwd: string = process.cwd()): string {
  // The sources do not change under a running process; hash them once.
  const known = fingerprints.get(cwd);
  if (known) return known;
  const hash = createHash('sha1').update(`v${SITE_DB_VERSION}`);
  const folders = ['content', 'render', 'search'].map((name) => path.join(/*turbopackIgnore: true*/ cwd, 'lib', name));
  for (const file of folders.flatMap(listSources)) {
    try {
      hash.update(path.relative(cwd, file)).update(fs.readFileSync(/*turbopackIgnore: true*/ file));
    } catch {
      hash.update(`${file}:unreadable`);
    }
  }
  const digest = hash.digest('hex');
  fingerprints.set(cwd, digest);
  return digest;
}
