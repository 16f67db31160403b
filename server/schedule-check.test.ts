import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSiteIndex } from '@/lib/content/compile';
import { article, makeCorpus } from '@/test/content-corpus';
import { readSchedule } from './schedule-check.mjs';

describe('npm start: the publication clock reads the build’s index file when nothing went live', () => {
  it('counts what went live in (since, now] and finds the next scheduled article, as the site would', () => {
    const corpus = makeCorpus();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-schedule-'));
    try {
      corpus.write('2024/旧文.md', article({ title: '旧文', date: '2024-03-01 08:00:00' }));
      corpus.write('2025/新文.md', article({ title: '新文', date: '2025-06-01 08:00:00' }));
      corpus.write('2031/定时.md', article({ title: '定时', date: '2031-05-01 08:00:00' }));
      corpus.write('_drafts/草稿.md', article({ title: '草稿', date: '2024-05-01 08:00:00' }));
      const dbFile = path.join(folder, 'site.db');
      compileSiteIndex({ dir: corpus.dir, timeZone: 'Asia/Shanghai', dbFile });
      const at = (text: string) => Date.parse(`${text}+08:00`);
      const scheduled = at('2031-05-01T08:00:00');
      const now = at('2026-01-01T00:00:00');

      expect(readSchedule(dbFile, corpus.dir, at('2025-01-01T00:00:00'), now)).toEqual({
        live: 1,
        nextPublication: scheduled,
      });
      expect(readSchedule(dbFile, corpus.dir, at('2025-07-01T00:00:00'), now)).toEqual({
        live: 0,
        nextPublication: scheduled,
      });
      // The scheduled one's moment: it went live (the draft never does), nothing is due after it.
      expect(readSchedule(dbFile, corpus.dir, now, scheduled)).toEqual({ live: 1, nextPublication: null });
      // A file it cannot vouch for: the site must be asked.
      expect(readSchedule(dbFile, path.join(corpus.dir, '2024'), now, now)).toBeNull();
      expect(readSchedule(path.join(folder, 'missing.db'), corpus.dir, now, now)).toBeNull();
      fs.writeFileSync(path.join(folder, 'garbage.db'), 'not a database');
      expect(readSchedule(path.join(folder, 'garbage.db'), corpus.dir, now, now)).toBeNull();
    } finally {
      corpus.cleanup();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
