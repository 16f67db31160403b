import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SITE, writeSite } from '@/test/search-fixtures';
import { readIndexFile, writeIndexFile } from '@/lib/search/index-file';
import { buildSearchIndexFile } from './build-search-index';

const sites: Array<{ cleanup: () => void }> = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.cleanup();
});

function setUp() {
  const site = writeSite(DEMO_SITE);
  sites.push(site);
  const build = path.join(site.dir, '..', `${path.basename(site.dir)}-build`);
  sites.push({ cleanup: () => fs.rmSync(build, { recursive: true, force: true }) });
  const out = path.join(build, 'cache', 'hutong', 'search-index.bin');
  const logs: string[] = [];
  const run = () =>
    buildSearchIndexFile({
      out,
      previous: out,
      contentDir: site.dir,
      timeZone: 'Asia/Shanghai',
      contentCache: path.join(build, 'cache', 'hutong', 'content-index.json'),
      log: (m) => logs.push(m),
    });
  return { site, out, logs, run };
}

describe('the build step that writes the search index', () => {
  it('indexes the published articles only, and says what it left out', async () => {
    const { out, logs, run } = setUp();
    const result = await run();
    expect(result).toMatchObject({ articles: 2, indexed: 2, carried: 0 });
    expect(readIndexFile(out).docs.map((d) => d.source.file)).toEqual(['tea.html', 'hutong.html']);
    expect(logs.at(-1)).toMatch(
      /^2 published articles \(2 tokenized, 0 unchanged from the previous build; 2 drafts and 0 scheduled left out\)/,
    );
    const bytes = fs.readFileSync(out);
    for (const needle of ['豆浆的秘密', '豆浆配方草稿', '冬至'])
      expect(bytes.toString('utf16le') + bytes.toString('utf8')).not.toContain(needle);
  });

  it('on a rebuild tokenizes only the files that changed, and answers the same', async () => {
    const { site, out, run } = setUp();
    await run();
    const first = fs.readFileSync(out);
    expect(await run()).toMatchObject({ indexed: 0, carried: 2 });
    expect(fs.readFileSync(out).equals(first)).toBe(true);

    const tea = path.join(site.dir, 'tea.html');
    fs.writeFileSync(tea, fs.readFileSync(tea, 'utf8').replace('一整个冬天', '一整个春天'));
    expect(await run()).toMatchObject({ indexed: 1, carried: 1 });
    expect(readIndexFile(out).docs.find((d) => d.source.file === 'tea.html')?.body).toContain('一整个春天');
  });

  it('does not reuse an index made by other search or content code', async () => {
    const { out, logs, run } = setUp();
    await run();
    writeIndexFile(out, readIndexFile(out), 'code of an older version');
    expect(await run()).toMatchObject({ indexed: 2, carried: 0 });
    expect(logs).toContainEqual(
      expect.stringMatching(/^not reusing .*search-index\.bin: made by other search or content code$/),
    );
  });
});
