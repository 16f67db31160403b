// bodyOfText splits a file's body off as front-matter.ts (gray-matter) does, without reading the YAML:
// checked against splitFrontMatter on every demo and fixture file and on the shapes scrapers write.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyOfText } from './body';
import { splitFrontMatter } from './front-matter';

/** What splitFrontMatter gives as the body, or null where it refuses the file. */
function viaGrayMatter(text: string): string | null {
  try {
    return splitFrontMatter(text).body;
  } catch {
    return null;
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown|html?|txt)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const SHAPES: Array<[string, string]> = [
  ['the reference layout', '\n---\ntitle: 标题\ndate: 2021-12-01 10:52:00\n---\n<p>正文</p>\n'],
  ['CRLF line ends', '---\r\ntitle: a\r\n---\r\nbody line\r\nsecond\r\n'],
  ['a byte-order mark and blank lines first', '\ufeff\n\n  ---\ntitle: a\n---\nbody'],
  ['a byte-order mark and no front matter', '\ufeffjust text\n---\nmore'],
  ['no front matter', 'plain body\nwith lines'],
  ['a thematic break later in the body', '---\ntitle: a\n---\npart one\n\n---\n\npart two'],
  ['four dashes open nothing', '----\ntitle: a\n----\nbody'],
  ['an unclosed block', '---\ntitle: a\nauthor: b\n'],
  ['an empty block', '---\n---\nbody'],
  ['a block of comments only', '---\n# note\n---\nbody'],
  ['a named language', '---yaml\ntitle: a\n---\nbody'],
  ['a language in capitals', '---YAML\ntitle: a\n---\nbody'],
  ['JSON', '---json\n{"title": "a"}\n---\nbody'],
  ['JavaScript, refused', '---js\nmodule.exports = {}\n---\nbody'],
  ['an unknown language, refused', '---toml\ntitle = "a"\n---\nbody'],
  ['JavaScript with an empty block', '---js\n---\nbody'],
  ['a closing fence with text after it', '---\ntitle: a\n---more\nbody'],
  ['non-breaking spaces in keys', '---\ntitle\u00a0: a\n---\nbody'],
  ['a broken quote the parser repairs', '---\ntitle: "Pass the "Butter" please"\n---\nbody'],
  ['the fence and nothing after it', '---\ntitle: a\n---'],
  ['empty', ''],
];

describe('bodyOfText', () => {
  it.each(SHAPES)('splits %s as gray-matter does', (_what, text) => {
    expect(bodyOfText(text)).toBe(viaGrayMatter(text));
  });

  it('splits every demo and fixture file as gray-matter does', () => {
    const files = [...filesUnder('content'), ...filesUnder('test/fixtures')];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const expected = viaGrayMatter(text);
      // Files whose YAML no longer parses are the one difference: the build left them out of the index.
      if (expected !== null) expect({ file, body: bodyOfText(text) }).toEqual({ file, body: expected });
    }
  });

  it('gives the body of a file whose YAML breaks, which only the build refuses', () => {
    expect(viaGrayMatter('---\ntitle: [unclosed\n---\nbody')).toBeNull();
    expect(bodyOfText('---\ntitle: [unclosed\n---\nbody')).toBe('body');
  });
});
