/**
 * Generates a corpus of realistic articles for the content benchmark:
 * `node scripts/bench/generate-corpus.ts --count 100000 --out /tmp/corpus [--seed 1]`.
 *
 * The same seed and count give the same bytes. Articles look like `content/articles/`: a
 * dated slug, headlines with curly quotes and ampersands, nested sections, opinion pieces with
 * named authors, a remote hero image whose caption ends in a bracketed credit, and a body of
 * 5 to 12 paragraphs with links and one or two READ links to other generated articles, whose
 * headlines they repeat. The corpus passes the content build; `<dir>/images/` holds its few
 * photos (`corpusPhotos`).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  articleBody,
  corpusPhotos,
  heroImage,
  newsHeadline,
  opinionHeadline,
  personName,
  standfirst,
  type LinkTarget,
} from './article-text.ts';
import { SECTIONS, TAGS } from './corpus-words.ts';
import { createRandom, type Random } from './random.ts';

/** Bump when the generated text changes, so cached corpora are made again. */
export const GENERATOR_VERSION = 2;
/** Written last: a folder without it is not a (complete) generated corpus. */
export const MARKER_FILE = 'corpus.json';

export type CorpusOptions = {
  /** The content folder to write: `<dir>/articles/*.md` and `<dir>/images/`. */
  dir: string;
  count: number;
  seed?: string | number;
  /** Files written at once. */
  batchSize?: number;
};

export type CorpusSummary = {
  generator: number;
  count: number;
  seed: string | number;
  bytes: number;
};

type ArticleMeta = LinkTarget & {
  published: Date;
  modified: Date;
  /** Minutes east of UTC the datelines are written in. */
  offset: number;
  section: string | readonly string[];
  authors: string[];
};

const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
/** Offsets the source's datelines use: London in winter and summer, and a few others. */
const OFFSETS = [0, 60, 60, 60, 120, 180, 240, -300];
const MINUTE = 60_000;

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** `2023-08-09T19:03:00+01:00`: the local time at that offset, with the offset. */
function isoWithOffset(utc: Date, offset: number): string {
  const local = new Date(utc.getTime() + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** Headline words as the source's permalinks write them: "UK’s" -> "uks", "&" dropped. */
function slugWords(title: string): string {
  return title
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 12)
    .join('-');
}

/** A YAML flow-sequence item: plain when that is safe, double-quoted (JSON) otherwise. */
const flowItem = (text: string) =>
  /^[A-Za-z0-9][A-Za-z0-9 .'-]*$/.test(text) && !/^[\d.]+$/.test(text)
    ? text
    : JSON.stringify(text);
const flowList = (items: readonly string[]) => `[${items.map(flowItem).join(', ')}]`;

/** Headlines, slugs, dates and sections of every article, in publication order. */
function planArticles(count: number, random: Random): ArticleMeta[] {
  const slugs = new Set<string>();
  const step = (LAST_DAY - FIRST_DAY) / count;
  const articles: ArticleMeta[] = [];
  for (let index = 0; index < count; index++) {
    const minute = Math.round((FIRST_DAY + (index + random.next()) * step) / MINUTE);
    const published = new Date(minute * MINUTE);
    const offset = random.pick(OFFSETS);
    const modified = random.chance(0.6)
      ? published
      : new Date(published.getTime() + random.int(5, 3 * 24 * 60) * MINUTE);
    const section = random.pick(SECTIONS);
    const isOpinion = section === 'Opinion';
    const authors = isOpinion
      ? Array.from({ length: random.chance(0.1) ? 2 : 1 }, () => personName(random))
      : random.chance(0.15)
        ? [personName(random)]
        : [];
    const title = isOpinion ? opinionHeadline(random) : newsHeadline(random);
    const day = isoWithOffset(published, offset).slice(0, 10).replaceAll('-', '');
    const base = `${day}-${slugWords(title)}`;
    let slug = base;
    for (let suffix = 2; slugs.has(slug); suffix++) slug = `${base}-${suffix}`;
    slugs.add(slug);
    articles.push({ slug, title, published, modified, offset, section, authors });
  }
  return articles;
}

/** Another article, usually one published shortly before, as news links back to recent news. */
function otherArticle(
  articles: readonly ArticleMeta[],
  index: number,
  random: Random,
): ArticleMeta | undefined {
  if (articles.length < 2) return undefined;
  const back = 1 + Math.floor(random.next() ** 2 * Math.min(index, 400));
  const other = index - back >= 0 ? index - back : random.int(0, articles.length - 1);
  return other === index ? articles[(index + 1) % articles.length] : articles[other];
}

function articleFile(
  articles: readonly ArticleMeta[],
  index: number,
  seed: string | number,
): string {
  const meta = articles[index];
  if (meta === undefined) throw new RangeError(`no article ${index}`);
  // One stream per article, so batches can be made in any order and still give the same bytes.
  const random = createRandom(seed, `article-${index}`);
  const pickArticle = () => otherArticle(articles, index, random);
  const reads: LinkTarget[] = [];
  for (
    let attempt = 0, wanted = random.int(1, 2);
    reads.length < wanted && attempt < 8;
    attempt++
  ) {
    const target = pickArticle();
    if (target && !reads.some((read) => read.slug === target.slug)) reads.push(target);
  }
  const related = new Set<string>();
  if (random.chance(0.2)) {
    for (let attempt = random.int(1, 3); attempt > 0; attempt--) {
      const target = pickArticle();
      if (target) related.add(target.slug);
    }
  }
  const image = heroImage(random, meta.published);
  const lines = [
    '---',
    `slug: ${meta.slug}`,
    `title: ${JSON.stringify(meta.title)}`,
    `published: ${isoWithOffset(meta.published, meta.offset)}`,
    `modified: ${isoWithOffset(meta.modified, meta.offset)}`,
    `section: ${typeof meta.section === 'string' ? meta.section : flowList(meta.section)}`,
    `tags: ${flowList(random.sample(TAGS, random.int(2, 6)))}`,
    `authors: ${flowList(meta.authors)}`,
    `standfirst: ${JSON.stringify(standfirst(random, meta.authors))}`,
    'image:',
    `  src: ${image.src}`,
    `  alt: ${JSON.stringify(image.alt)}`,
    `  width: ${image.width}`,
    `  height: ${image.height}`,
    `  caption: ${JSON.stringify(image.caption)}`,
    ...(related.size > 0 ? [`related: ${flowList([...related])}`] : []),
    'sample: true',
    '---',
    '',
    articleBody(random, pickArticle, reads),
    '',
  ];
  return lines.join('\n');
}

/** Refuses to clear a folder that it did not generate, such as the real `content/`. */
async function prepare(dir: string): Promise<void> {
  const articlesDir = path.join(dir, 'articles');
  const existing = await readdir(articlesDir).catch(() => []);
  const isGenerated = await readFile(path.join(dir, MARKER_FILE), 'utf8').then(
    () => true,
    () => false,
  );
  if (existing.length > 0 && !isGenerated) {
    throw new Error(`${articlesDir} has files and is not a generated corpus; not overwriting it`);
  }
  await rm(path.join(dir, MARKER_FILE), { force: true });
  await rm(articlesDir, { recursive: true, force: true });
  await rm(path.join(dir, 'images'), { recursive: true, force: true });
  await mkdir(articlesDir, { recursive: true });
  await mkdir(path.join(dir, 'images'), { recursive: true });
  for (const photo of corpusPhotos)
    await writeFile(path.join(dir, 'images', photo.file), photo.svg);
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { dir, count, seed = 1, batchSize = 256 } = options;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a whole number >= 1`);
  await prepare(dir);
  const articles = planArticles(count, createRandom(seed, 'plan'));
  const articlesDir = path.join(dir, 'articles');
  let bytes = 0;
  for (let start = 0; start < count; start += batchSize) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index++) {
      const text = articleFile(articles, index, seed);
      bytes += Buffer.byteLength(text);
      const name = `${articles[index]?.slug ?? String(index)}.md`;
      writes.push(writeFile(path.join(articlesDir, name), text));
    }
    await Promise.all(writes);
  }
  const summary: CorpusSummary = { generator: GENERATOR_VERSION, count, seed, bytes };
  await writeFile(path.join(dir, MARKER_FILE), `${JSON.stringify(summary)}\n`);
  return summary;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  if (values.out === undefined) {
    console.error(
      'usage: node scripts/bench/generate-corpus.ts --count 1000 --out <dir> [--seed 1]',
    );
    process.exit(2);
  }
  const started = performance.now();
  const summary = await generateCorpus({
    dir: path.resolve(values.out),
    count: Number(values.count),
    seed: values.seed,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${summary.count} articles (${(summary.bytes / 1e6).toFixed(1)} MB) in ${path.resolve(values.out)} in ${seconds} s`,
  );
}
