// What a fresh server loads before its first answer: the proxy, the start-up hook, and the page asked
// for. Each module they import is compiled and run first (measured: the proxy importing next-auth and
// the content index's compiler cost ~0.4 s of a 1.6 s start → first answer at 100,000 articles; `npm run
// bench`'s serve stage prints the figure). These keep the heavy parts behind an `import()` that runs only
// where they are needed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports } from '@/lib/content/fingerprint';

const cwd = process.cwd();
const loaded = (entry: string, dynamic: boolean) =>
  localImports(cwd, [entry], { dynamic }).map((file) => path.relative(cwd, file).split(path.sep).join('/'));

/** The accounts code: next-auth and its database. */
const ACCOUNTS = /^lib\/(accounts\/auth|db\/client)\.ts$/;
/** The Markdown and HTML pipeline, and the code that compiles an index with it. */
const PIPELINE = /^lib\/(render\/|content\/(compile|load|prepare)\.ts$)/;
/**
 * What the index step runs beyond rendering: compiling, whole-file parsing, the front matter's YAML
 * (gray-matter) and its schema. A page reads an article's body without them (body.ts).
 */
const INDEX_STEP = /^lib\/content\/(index|compile|load|prepare|schema|front-matter)\.ts$/;

describe('what a fresh server loads before its first answer', () => {
  it('finds the files it looks for (the check below cannot pass by reading nothing)', () => {
    expect(loaded('proxy.ts', true)).toEqual(
      expect.arrayContaining(['lib/accounts/auth.ts', 'lib/content/built-index.ts']),
    );
    expect(loaded('lib/content/index.ts', false)).toEqual(
      expect.arrayContaining(['lib/content/compile.ts', 'lib/render/parse-body.ts']),
    );
  });

  // What each loads before it answers (`import()` followed only where it runs at once), and a file it must
  // reach, so the check cannot pass by reading nothing.
  it.each([
    ['the proxy, until a request needs more', 'proxy.ts', false, 'lib/site/missing-content.ts'],
    ['the start-up hook', 'instrumentation.ts', true, 'lib/content/built-index.ts'],
    ["npm start's first look for publications", 'app/api/revalidate/route.ts', false, 'lib/content/built-index.ts'],
  ])('%s loads neither the accounts code nor the Markdown pipeline', (_what, entry, dynamic, reaches) => {
    const files = loaded(entry, dynamic);
    expect(files).toContain(reaches);
    expect(files.filter((f) => ACCOUNTS.test(f) || PIPELINE.test(f))).toEqual([]);
  });

  it("an article page loads the accounts code only for an editor's preview, the index step's code never when served", () => {
    const files = loaded('app/articles/[slug]/page.tsx', false);
    expect(files).toContain('lib/render/parse-body.ts'); // it renders the body
    expect(files.filter((f) => ACCOUNTS.test(f) || INDEX_STEP.test(f))).toEqual([]);
    const whenNeeded = loaded('app/articles/[slug]/page.tsx', true);
    expect(whenNeeded).toEqual(expect.arrayContaining(['lib/accounts/auth.ts', 'lib/content/compile.ts']));
  });

  it("the article's share card, which Next loads with every article page for its metadata, loads no index step", () => {
    const files = loaded('app/articles/[slug]/opengraph-image.tsx', false);
    expect(files).toContain('lib/content/built-index.ts');
    expect(files.filter((f) => ACCOUNTS.test(f) || INDEX_STEP.test(f))).toEqual([]);
  });

  it('the 404 boundary every page carries loads no index step either', () => {
    expect(loaded('app/not-found.tsx', false).filter((f) => INDEX_STEP.test(f))).toEqual([]);
  });

  it('every page carries the sign-out action, which carries no mail or sign-up code', () => {
    const files = loaded('components/account/sign-out-action.ts', false);
    expect(files.filter((f) => f.startsWith('lib/accounts/') && f !== 'lib/accounts/guards/callback-url.ts')).toEqual(
      [],
    );
  });
});
