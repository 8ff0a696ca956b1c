/**
 * Article files made to crash, exhaust or fool the content build and `npm run content:check`:
 * each ends in a message naming the file, never in a stack trace or a half-written site.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/lib/api-client.ts';
import { buildContent } from './build-content.ts';
import { ContentError, failureReport } from './problem.ts';
import { article, contentFixture } from './test/fixture.ts';
import { writeContent } from './write-content.ts';

const FILE = 'content/articles/a.md';

async function problemsOf(root: string): Promise<string[]> {
  const error: unknown = await buildContent({
    contentDir: path.join(root, 'content'),
    rootDir: root,
  }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).message.split('\n').slice(1).map((line) => line.trim());
}

/** A body of `bytes` bytes or a little more, in paragraphs of a thousand characters. */
function bodyOf(bytes: number): string {
  const paragraph = 'word '.repeat(200).trim();
  return Array.from({ length: Math.ceil(bytes / 1000) }, () => paragraph).join('\n\n');
}

describe('hostile source: an article larger than the app fetches', () => {
  it('refuses an article whose JSON would pass the 4 MB the app reads, naming the sizes', async () => {
    const root = await contentFixture({ 'a.md': article('a', {}, bodyOf(MAX_BODY_BYTES)) });
    const [problem, ...others] = await problemsOf(root);
    expect(others).toEqual([]);
    expect(problem).toMatch(
      /^content\/articles\/a\.md:15: body: article too large: its JSON would be 4\.\d MB \(body 4\.\d MB\); the reader fetches at most 4\.0 MB an article, 128 KB of it kept for Related articles: shorten the body or split the article$/,
    );
  });

  it('refuses a file of 17 MB without reading it', async () => {
    const root = await contentFixture({ 'a.md': article('a', {}, 'x'.repeat(17 * 1024 * 1024)) });
    expect(await problemsOf(root)).toEqual([
      `${FILE}: file is 17.0 MB; an article file may be at most 16 MB`,
    ]);
  });
});

describe('articles within the limits', () => {
  it('publishes an article of 3.5 MB', async () => {
    const root = await contentFixture({ 'a.md': article('a', {}, bodyOf(3.5 * 1024 * 1024)) });
    const { files } = await buildContent({ contentDir: path.join(root, 'content'), rootDir: root });
    const json = files.get('api/articles/a.json');
    expect(typeof json === 'string' && Buffer.byteLength(json)).toBeLessThan(MAX_BODY_BYTES);
  });
});

describe('hostile source: names past what the file system allows', () => {
  it('refuses a 300-letter slug with a message, and publishes nothing', async () => {
    const root = await contentFixture({ 'a.md': article('a'.repeat(300), { title: 'A' }) });
    const outDir = path.join(root, 'dist');
    const error: unknown = await writeContent({
      contentDir: path.join(root, 'content'),
      outDir,
      cacheDir: path.join(root, 'cache'),
      rootDir: root,
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message.split('\n').slice(1).map((line) => line.trim())).toEqual([
      `${FILE}:2: slug: slug is 300 bytes long (UTF-8); at most 200, as it names files`,
    ]);
    expect(existsSync(path.join(outDir, 'api'))).toBe(false);
  });

  it('refuses a section path of 1,500 levels in one problem, as the importer wrote it', async () => {
    const chain = Array.from({ length: 1500 }, (_, index) => `  - Category ${index}`).join('\n');
    const root = await contentFixture({ 'a.md': article('a', { section: `\n${chain}` }) });
    expect(await problemsOf(root)).toEqual([
      `${FILE}:6: section: section path is 1,500 levels deep; at most 6`,
    ]);
  });
});

describe('hostile source: files that end in a message, not a stack trace', () => {
  it('reports an article "file" that is a folder as a problem of that file', async () => {
    const root = await contentFixture({ 'a.md': article('a') });
    await mkdir(path.join(root, 'content', 'articles', 'folder.md'));
    expect(await problemsOf(root)).toEqual([
      'content/articles/folder.md: could not be read: EISDIR: illegal operation on a directory, read',
    ]);
  });

  it('says in one line what went wrong when no rule foresaw it', () => {
    const error = new RangeError('Maximum call stack size exceeded\n    at parse (yaml.js:1:1)');
    expect(failureReport('content check', error)).toBe(
      'content check failed: Maximum call stack size exceeded',
    );
    expect(failureReport('content check', new Error('bad \x1b]0;pwned\x07 name'))).toBe(
      'content check failed: bad \\x1b]0;pwned\\x07 name',
    );
  });
});

const run = promisify(execFile);
const CHECK = path.resolve('scripts/content/check.ts');

/** `npm run content:check` in `root`: its exit code and what it printed. */
async function contentCheck(root: string) {
  return run(process.execPath, [CHECK], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
}

describe('hostile source: content:check on hostile files', () => {
  it('lists every problem, one line each, with no stack and no raw escape sequence', async () => {
    const root = await contentFixture({
      'a.md': article('a', { title: '"Breaking\\0 news"', tags: '["UK\\e]0;pwned\\a"]' }),
      'b.md': article('b', { section: `[${Array.from({ length: 1500 }, (_, i) => `S${i}`).join(', ')}]` }),
      // A file name that would turn the editor's terminal red.
      ['c\x1b[31m.md']: article('c', { title: '""' }),
    });
    await writeFile(
      path.join(root, 'content', 'articles', 'd.md'),
      `---\nslug: d\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${Array(9).fill('*a').join(', ')}]\nc: &c [${Array(9).fill('*b').join(', ')}]\nd: [${Array(9).fill('*c').join(', ')}]\n---\n`,
    );
    const { code, stdout, stderr } = await contentCheck(root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'Content has 5 problems:',
      `  ${FILE}:3: title: title holds an invisible or control character, U+0000 (NUL), at character 9: remove it`,
      `  ${FILE}:6: tags.0: tags entry holds an invisible or control character, U+001B (escape), at character 3: remove it`,
      '  content/articles/b.md:5: section: section path is 1,500 levels deep; at most 6',
      '  content/articles/c\\x1b[31m.md:3: title: missing title',
      '  content/articles/d.md:6: front matter refused: more than 20 aliases (*name), and repeated aliases can expand a few lines into gigabytes (an alias bomb)',
    ]);
    // eslint-disable-next-line no-control-regex
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('content:check that cannot run', () => {
  it('says in one line why the check could not run at all', async () => {
    const root = await contentFixture({});
    const articles = path.join(root, 'content', 'articles');
    await rm(articles, { recursive: true });
    const { code, stderr } = await contentCheck(root);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `content check failed: ENOENT: no such file or directory, scandir '${articles}'\n`,
    );
  });
});
