/**
 * The search index: Pagefind's, built from the article JSON the content build wrote. Pagefind
 * splits it into chunks, so a browser downloads only the parts a query needs, and nothing
 * until the reader searches. The indexed text is folded (see fold-text.ts) so that readers
 * find `İstanbul` typing `istanbul` and Arabic words whatever their letter forms; the
 * original text travels beside it, for the snippet a result shows.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
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
 * Indexes `articles`; writes the index to `outputPath` when given, and returns its files
 * (path relative to the index folder -> bytes).
 */
export async function buildSearchIndex(
  articles: Iterable<Article> | AsyncIterable<Article>,
  outputPath?: string,
): Promise<{ files: Map<string, Uint8Array>; count: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (index === undefined) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    let count = 0;
    let batch: Promise<pagefind.NewFileResponse>[] = [];
    const flush = async () => {
      for (const response of await Promise.all(batch)) {
        if (response.errors.length > 0)
          throw new Error(`search index: ${response.errors.join('; ')}`);
      }
      batch = [];
    };
    for await (const article of articles) {
      batch.push(index.addCustomRecord(searchRecord(article)));
      count++;
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (outputPath !== undefined) {
      await rm(outputPath, { recursive: true, force: true });
      await mkdir(path.dirname(outputPath), { recursive: true });
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
      return { files: new Map(), count };
    }
    const { files } = await index.getFiles();
    return { files: new Map(files.map((file) => [file.path, file.content])), count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
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
