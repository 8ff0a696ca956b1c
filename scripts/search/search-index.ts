/**
 * The search index: Pagefind's, built from the article JSON the content build wrote. Pagefind
 * splits it into chunks, so a browser downloads only the parts a query needs, and nothing
 * until the reader searches. The indexed text is folded (see fold-text.ts) so that readers
 * find `İstanbul` typing `istanbul` and Arabic words whatever their letter forms; the
 * original text travels beside it, for the snippet a result shows.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import * as v from 'valibot';
import { ArticleSchema, type Article } from '../../src/contract/article.ts';
import { foldText } from '../../src/features/search/lib/fold-text.ts';
import { paths } from '../../src/lib/paths.ts';
import { articleText } from './article-text.ts';

/** Records are sent to Pagefind this many at a time. */
const BATCH = 256;

export function searchRecord(article: Article): pagefind.CustomRecord {
  const text = articleText(article);
  const top = article.section.parents?.[0] ?? article.section;
  return {
    url: paths.article(article.slug),
    content: foldText(`${article.title}\n${text}`),
    language: 'en',
    meta: {
      title: article.title,
      date: article.published,
      section: article.section.name,
      text,
    },
    // The top-level section, and the month (as published, in its own time zone): the
    // results page filters on both.
    filters: { section: [top.slug], month: [article.published.slice(0, 7)] },
    sort: { date: article.published },
  };
}

/**
 * Articles per Pagefind index. Pagefind holds an index whole in memory, about 430 MB per
 * 1,000 articles of 900 words on this machine, so a large archive is indexed in shards, one
 * after the other; the browser merges them (`shards.json` lists all but the first, which is
 * the index's own folder).
 */
export const SHARD_SIZE = 10_000;

async function indexShard(articles: Article[]): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (index === undefined) throw new Error(`search index: ${errors.join('; ')}`);
  for (let start = 0; start < articles.length; start += BATCH) {
    const responses = await Promise.all(
      articles
        .slice(start, start + BATCH)
        .map((article) => index.addCustomRecord(searchRecord(article))),
    );
    for (const response of responses) {
      if (response.errors.length > 0)
        throw new Error(`search index: ${response.errors.join('; ')}`);
    }
  }
  return index;
}

/**
 * Indexes `articles`; writes the index to `outputPath` when given, and returns its files
 * (path relative to the index folder -> bytes) otherwise.
 */
export async function buildSearchIndex(
  articles: Iterable<Article> | AsyncIterable<Article>,
  outputPath?: string,
  shardSize = SHARD_SIZE,
): Promise<{ files: Map<string, Uint8Array>; count: number; shards: number }> {
  const files = new Map<string, Uint8Array>();
  const folders: string[] = [];
  if (outputPath !== undefined) {
    await rm(outputPath, { recursive: true, force: true });
    await mkdir(outputPath, { recursive: true });
  }
  const writeShard = async (shard: Article[]) => {
    const folder = folders.length === 0 ? '' : `shard-${folders.length + 1}`;
    const index = await indexShard(shard);
    try {
      if (outputPath !== undefined) {
        const written = await index.writeFiles({ outputPath: path.join(outputPath, folder) });
        if (written.errors.length > 0)
          throw new Error(`search index: ${written.errors.join('; ')}`);
      } else {
        for (const file of (await index.getFiles()).files) {
          files.set(folder === '' ? file.path : `${folder}/${file.path}`, file.content);
        }
      }
    } finally {
      await index.deleteIndex();
    }
    folders.push(folder);
  };
  let count = 0;
  try {
    let shard: Article[] = [];
    for await (const article of articles) {
      shard.push(article);
      count++;
      if (shard.length >= shardSize) {
        await writeShard(shard);
        shard = [];
      }
    }
    if (shard.length > 0 || folders.length === 0) await writeShard(shard);
  } finally {
    await pagefind.close();
  }
  const manifest = new TextEncoder().encode(JSON.stringify(folders.slice(1)));
  if (outputPath !== undefined) await writeFile(path.join(outputPath, 'shards.json'), manifest);
  else files.set('shards.json', manifest);
  return { files, count, shards: folders.length };
}

/** The articles of a built JSON API (`<apiDir>/articles/*.json`), one at a time. */
export async function* readApiArticles(apiDir: string): AsyncGenerator<Article> {
  const dir = path.join(apiDir, 'articles');
  for (const name of (await readdir(dir)).filter((entry) => entry.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const parsed = v.safeParse(ArticleSchema, JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `search index: ${file} is not an article: ${parsed.issues[0]?.message ?? ''}`,
      );
    yield parsed.output;
  }
}
