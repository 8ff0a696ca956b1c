import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate-corpus.ts';
import { buildContent } from './build-content.ts';
import { writeContent } from './write-content.ts';

/**
 * The publish planner against the whole one, on the generated archive (regions with their
 * countries, tags shared across sections, bylines, links between articles): new articles,
 * written from the archive's own (their sections, tags, bylines and links) and dated after
 * its newest, are published one by one and in a batch. Each incremental build must equal a
 * fresh full build byte for byte.
 */
let root: string;
let articles: string;
let newestTime: number;
const options = () => ({
  contentDir: path.join(root, 'content'),
  outDir: path.join(root, 'dist'),
  cacheDir: path.join(root, 'cache'),
  rootDir: root,
  pageSize: 5,
});

async function expectSameAsFreshBuild() {
  const { files } = await buildContent(options());
  const outDir = options().outDir;
  const different: string[] = [];
  for (const [name, body] of files) {
    const onDisk = await readFile(path.join(outDir, name)).catch(() => Buffer.alloc(0));
    if (!onDisk.equals(Buffer.from(body))) different.push(name);
  }
  expect(different).toEqual([]);
  const written = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
  expect(written.sort()).toEqual([...files.keys()].sort());
}

const field = (text: string, key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1] ?? '';
const withField = (text: string, key: string, value: string) =>
  text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`);

/** A new article made from the archive's `template`, published `minutes` after its newest. */
async function newArticle(template: string, slug: string, minutes: number, edit = (text: string) => text) {
  const text = await readFile(path.join(articles, template), 'utf8');
  const time = new Date(newestTime + minutes * 60_000).toISOString();
  const made = [
    ['slug', slug],
    ['title', `"New: ${field(text, 'title').replaceAll('"', '')}"`],
    ['published', time],
    ['modified', time],
  ].reduce((result, [key, value]) => withField(result, key ?? '', value ?? ''), text);
  // Without the editor's own list, the Related list is the build's choice.
  await writeFile(path.join(articles, `${slug}.md`), edit(made.replace(/^related: .*\n/m, '')));
}

let templates: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'plan-newest-'));
  articles = path.join(root, 'content', 'articles');
  await generateCorpus({ dir: path.join(root, 'content'), count: 240, seed: 7 });
  const names = (await readdir(articles)).sort();
  const times = await Promise.all(
    names.map(async (name) => Date.parse(field(await readFile(path.join(articles, name), 'utf8'), 'published'))),
  );
  newestTime = Math.max(...times);
  // Templates from across the archive: different regions, tags and bylines.
  templates = names.filter((_, index) => index % 37 === 5);
  await writeContent(options());
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('publishing the newest articles into a generated archive', () => {
  it('publishes one at a time, then three at once (one with a tag new to the archive), as a full build would', async () => {
    for (const [step, template] of templates.slice(0, 3).entries()) {
      await newArticle(template, `new-story-${step}`, step + 1);
      expect(await writeContent(options()), template).toMatchObject({ plan: 'newest', scanned: 1 });
      await expectSameAsFreshBuild();
    }
    let photoOfTheDay = '';
    for (const [step, template] of templates.slice(3, 6).entries()) {
      await newArticle(template, `batch-story-${step}`, 10 + step, (text) =>
        step === 0
          ? // No tags: the Related list comes from the section's earlier articles.
            withField(text, 'tags', '[]')
          : step === 1
          ? withField(text, 'tags', '[A Tag Never Seen Before, Ports]')
          : step === 2
            ? text
                .replace('sample: true', 'related: [new-story-0]\nsample: true')
                .replace(/^ {2}src: (.*)$/m, (_, src: string) => {
                  photoOfTheDay = src;
                  return '  src: photo-of-the-day.svg';
                })
            : text,
      );
    }
    // A photo the archive never showed is published with the article that brings it.
    await copyFile(
      path.join(root, 'content', 'images', photoOfTheDay),
      path.join(root, 'content', 'images', 'photo-of-the-day.svg'),
    );
    expect(await writeContent(options())).toMatchObject({ plan: 'newest', scanned: 3 });
    await expectSameAsFreshBuild();
    expect(await readFile(path.join(root, 'dist', 'images', 'photo-of-the-day.svg'), 'utf8')).toContain('<svg');
  });

  it('leaves an article dated before the newest, or in a new section, to the whole planner', async () => {
    const template = templates[0] ?? '';
    await newArticle(template, 'backdated-story', -60 * 24 * 365);
    expect(await writeContent(options())).toMatchObject({ plan: 'whole' });
    await expectSameAsFreshBuild();

    await newArticle(template, 'a-story-in-a-new-section', 100, (text) => withField(text, 'section', 'Antarctica'));
    expect(await writeContent(options())).toMatchObject({ plan: 'whole' });
    await expectSameAsFreshBuild();
  });
});
