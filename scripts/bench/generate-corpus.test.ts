import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../src/contract/article.ts';
import { generateCorpus } from './generate-corpus.ts';

const COUNT = 60;
let root: string;
let files: Map<string, string>;

async function readCorpus(dir: string): Promise<Map<string, string>> {
  const articlesDir = path.join(dir, 'articles');
  const names = (await readdir(articlesDir)).sort();
  const texts = await Promise.all(
    names.map((name) => readFile(path.join(articlesDir, name), 'utf8')),
  );
  return new Map(names.map((name, index) => [name, texts[index] ?? '']));
}

const field = (text: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
const body = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5).trimStart();

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'corpus-test-'));
  await generateCorpus({ dir: path.join(root, 'a'), count: COUNT, seed: 7 });
  files = await readCorpus(path.join(root, 'a'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateCorpus', () => {
  it('gives the same bytes for the same seed, and other bytes for another', async () => {
    await generateCorpus({ dir: path.join(root, 'b'), count: COUNT, seed: 7, batchSize: 7 });
    await generateCorpus({ dir: path.join(root, 'c'), count: COUNT, seed: 8 });
    expect(await readCorpus(path.join(root, 'b'))).toEqual(files);
    expect(await readCorpus(path.join(root, 'c'))).not.toEqual(files);
  });

  it('names each file after a unique slug that starts with its local publication date', () => {
    expect(files.size).toBe(COUNT);
    for (const [name, text] of files) {
      const slug = field(text, 'slug');
      expect(name).toBe(`${slug}.md`);
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slug.slice(0, 8)).toBe(field(text, 'published').slice(0, 10).replaceAll('-', ''));
    }
  });

  it('writes READ links that repeat the headline of another article', () => {
    const titles = new Map(
      [...files.values()].map((text) => [
        field(text, 'slug'),
        JSON.parse(field(text, 'title')) as string,
      ]),
    );
    for (const text of files.values()) {
      const reads = [...body(text).matchAll(/^READ: \[(.+)\]\((.+)\)$/gm)];
      expect(reads.length).toBeGreaterThanOrEqual(1);
      expect(reads.length).toBeLessThanOrEqual(2);
      for (const [, title, slug = ''] of reads) {
        expect(slug).not.toBe(field(text, 'slug'));
        expect(titles.get(slug)).toBe(title);
      }
    }
  });

  it('writes bodies of 5 to 12 paragraphs and about 600 to 900 words', () => {
    for (const text of files.values()) {
      const paragraphs = body(text)
        .split('\n\n')
        .filter((block) => /^[A-Z“]/.test(block) && !block.startsWith('READ:'));
      const words = paragraphs.join(' ').split(/\s+/).length;
      expect(paragraphs.length).toBeGreaterThanOrEqual(5);
      expect(paragraphs.length).toBeLessThanOrEqual(12);
      expect(words).toBeGreaterThan(550);
      expect(words).toBeLessThan(1000);
    }
  });

  it('refuses to clear a folder it did not generate', async () => {
    const dir = path.join(root, 'hand-written');
    await mkdir(path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'articles', 'mine.md'), 'keep me');
    await expect(generateCorpus({ dir, count: 2 })).rejects.toThrow(/not a generated corpus/);
    expect(await readFile(path.join(dir, 'articles', 'mine.md'), 'utf8')).toBe('keep me');
  });

  it('passes the content build', async () => {
    const build = path.resolve(import.meta.dirname, '../content/build.ts');
    const out = path.join(root, 'out');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [build, '--content', path.join(root, 'a'), '--out', out, '--json'],
      { cwd: root },
    );
    expect(stdout).toContain(`"articles":${COUNT}`);
    // A whole build in a child process: on a busy machine that takes more than 5 s.
  }, 60_000);
});
