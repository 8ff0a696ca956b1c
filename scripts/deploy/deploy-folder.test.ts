import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressesOf, deployFolder, DEPLOYED_FILE } from './deploy-folder.ts';

let root: string;
let site: string;
let web: string;

async function put(name: string, text: string) {
  await mkdir(path.dirname(path.join(site, name)), { recursive: true });
  await writeFile(path.join(site, name), text);
}

/** A build as build:site leaves it: the files, and its change list in the history. */
async function build(stamp: string, files: Record<string, string | null>) {
  const lines: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    if (text === null) {
      await rm(path.join(site, name), { force: true });
      lines.push(`D ${name}`);
    } else {
      await put(name, text);
      lines.push(`W ${name}`);
    }
  }
  await put(
    `.changes/history/${stamp}.txt`,
    lines
      .sort()
      .map((line) => `${line}\n`)
      .join(''),
  );
}

async function served(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (name.split('/').some((part) => part.startsWith('.'))) continue;
    files[name] = await readFile(path.join(dir, name), 'utf8');
  }
  return files;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'deploy-'));
  site = path.join(root, 'dist');
  web = path.join(root, 'www');
  await build('2026-12-01T10-00-00-000Z', {
    'index.html': 'home 1',
    'a/index.html': 'a',
    'api/articles/a.json': '{"a":1}',
    'assets/app-1.js': 'code 1',
    'sw.js': 'worker 1',
  });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('deploying a built site to a folder', () => {
  it('copies every file the first time, and leaves its bookkeeping behind', async () => {
    const result = deployFolder({ from: site, to: web });
    expect(result).toMatchObject({ mode: 'full', deleted: [] });
    expect(await served(web)).toEqual(await served(site));
    expect(await readdir(web)).not.toContain('.changes');
    expect((await readFile(path.join(web, DEPLOYED_FILE), 'utf8')).trim()).toBe(
      '2026-12-01T10-00-00-000Z.txt',
    );
  });

  it('then copies only what the builds since changed, pages after what they use, deletions last', async () => {
    deployFolder({ from: site, to: web });
    const untouched = (await stat(path.join(web, 'api/articles/a.json'))).mtimeMs;
    // Two builds, the second not deployed on its own: a publish, then a takedown of it.
    await build('2026-12-01T11-00-00-000Z', {
      'index.html': 'home 2',
      'b/index.html': 'b',
      'api/articles/b.json': '{"b":1}',
      'assets/app-1.js': null,
      'assets/app-2.js': 'code 2',
      'sw.js': 'worker 2',
    });
    await build('2026-12-01T12-00-00-000Z', {
      'index.html': 'home 3',
      'b/index.html': null,
      'api/articles/b.json': null,
    });
    const result = deployFolder({ from: site, to: web });
    expect(result.mode).toBe('changes');
    expect(result.builds).toBe(2);
    expect(result.copied).toEqual(['assets/app-2.js', 'index.html', 'sw.js']);
    expect(result.deleted).toEqual(['api/articles/b.json', 'assets/app-1.js', 'b/index.html']);
    expect(result.purge).toContain('/b/');
    expect(await served(web)).toEqual(await served(site));
    expect((await stat(path.join(web, 'api/articles/a.json'))).mtimeMs).toBe(untouched);

    expect(deployFolder({ from: site, to: web })).toMatchObject({
      builds: 0,
      copied: [],
      deleted: [],
    });
  });

  it('copies everything again when its record is older than the history keeps', async () => {
    deployFolder({ from: site, to: web });
    await writeFile(path.join(web, DEPLOYED_FILE), '2025-01-01T00-00-00-000Z.txt\n');
    await writeFile(path.join(web, 'left-over.html'), 'gone from the site');
    const result = deployFolder({ from: site, to: web });
    expect(result.mode).toBe('full');
    expect(result.deleted).toEqual(['left-over.html']);
    expect(await served(web)).toEqual(await served(site));
  });

  it('refuses a folder that is not a built site, naming it', () => {
    expect(() => deployFolder({ from: web, to: site })).toThrow(
      `${web} is not a built site (no index.html)`,
    );
  });

  it('names both addresses of a page for the CDN to purge', () => {
    expect(addressesOf('index.html')).toEqual(['/', '/index.html']);
    expect(addressesOf('a/index.html')).toEqual(['/a/', '/a/index.html']);
    expect(addressesOf('api/latest/front.json')).toEqual(['/api/latest/front.json']);
  });
});
