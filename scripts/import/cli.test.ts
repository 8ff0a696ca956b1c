import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFeedRoute } from './test/feed-fixtures.ts';
import { tempContent } from './test/harness.ts';
import { startServer, type TestServer } from './test/server.ts';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

/** Runs the command in a child process (async, so this process's test server can answer). */
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
        stdout,
        stderr,
      });
    });
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(jsonFeedRoute());
});
afterAll(() => server.close());

describe('npm run import', () => {
  it('imports and prints a summary', async () => {
    const out = await tempContent();
    const first = await run('jsonfeed', `${server.origin}/feed.json`, '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n').at(-1)).toBe('3 written, 0 unchanged, 0 skipped');
    const second = await run('jsonfeed', `${server.origin}/feed.json`, '--out', out);
    expect(second.stdout.trim().split('\n').at(-1)).toBe('0 written, 3 unchanged, 0 skipped');
    // Two child processes, each loading the importer and its language detector: more than
    // 5 s on a busy machine.
  }, 20_000);

  it('exits 1 with one line on stderr naming the URL when the import stops', async () => {
    const { code, stderr } = await run(
      'rss',
      `${server.origin}/nothing.xml`,
      '--out',
      await tempContent(),
    );
    expect(code).toBe(1);
    expect(stderr).toBe(`import stopped: GET ${server.origin}/nothing.xml: HTTP 404 Not Found\n`);
  });

  it('exits 2 on a limit that is not a number, naming the option', async () => {
    const { code, stderr } = await run('rss', 'feed.xml', '--max-pages', '0');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('--max-pages 0: expected a number of at least 1');
    expect(stderr).toContain('--max-pages N      pages read in one run (default: 500)');
    expect(stderr).toContain('--allow-host HOST');
  });

  it('exits 2 on a category depth the content would refuse', async () => {
    const { code, stderr } = await run('rss', 'feed.xml', '--max-category-depth', '7');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(
      '--max-category-depth 7: at most 6, the deepest section path an article may have',
    );
  });

  it('exits 2 and shows the usage on a wrong command line', async () => {
    const { code, stderr } = await run('atom', 'https://example.org/feed');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('unknown kind "atom": use wordpress, jsonfeed or rss');
    expect(stderr).toContain('Usage: npm run import -- <kind> <source> [options]');
  });
});
