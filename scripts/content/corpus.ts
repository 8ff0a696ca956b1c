/**
 * The steps that look across the whole corpus: duplicate slugs, links to slugs that do not
 * exist, related articles and the feeds' picks. They work on records (no bodies), in
 * time roughly linear in the number of articles, so 100,000 articles stay fast.
 */
import type { ArticleRecord } from './article-record.ts';
import type { Problem } from './problem.ts';
import { sectionPath } from '../../src/lib/paths.ts';

const RELATED_COUNT = 4;
/**
 * How many earlier articles, per shared tag or section, are considered as related. Only
 * earlier ones: a new article then never changes what an older page shows, so publishing
 * one rewrites that one article, not the recent ones it would have joined (decision 019).
 */
export const RELATED_WINDOW = 16;

/** Records in publication order, newest first (ties by slug, so builds are repeatable). */
export function newestFirst(records: Iterable<ArticleRecord>): ArticleRecord[] {
  return [...records]
    .map((record) => ({ record, time: Date.parse(record.summary.published) }))
    .sort((a, b) => b.time - a.time || (a.record.summary.slug < b.record.summary.slug ? -1 : 1))
    .map(({ record }) => record);
}

export function duplicateSlugs(records: ArticleRecord[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, ArticleRecord>();
  for (const record of records) {
    const earlier = first.get(record.summary.slug);
    if (earlier) {
      problems.push({
        file: record.file,
        line: record.lines.slug,
        field: 'slug',
        message: `duplicate slug "${record.summary.slug}": also used by ${earlier.file}`,
      });
    } else {
      first.set(record.summary.slug, record);
    }
  }
  return problems;
}

/**
 * Links and related slugs that name no article. Each missing slug is reported once per file,
 * at the body's first link to it (or at the front matter's `related`).
 */
export function danglingReferences(
  records: Iterable<ArticleRecord>,
  slugs: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const report = (record: ArticleRecord, slug: string, line: number, field: string) => {
    problems.push({
      file: record.file,
      line,
      field,
      message: `link to a slug that does not exist: "${slug}"`,
    });
  };
  for (const record of records) {
    record.linked.forEach((slug, index) => {
      if (!slugs.has(slug)) report(record, slug, record.linkLines[index] ?? 1, 'body');
    });
    for (const slug of record.related) {
      if (!slugs.has(slug)) report(record, slug, record.lines.related, 'related');
    }
  }
  return problems;
}

/**
 * Related articles for every record (by index in `ordered`, newest first): the editor's own
 * list when given, else the earlier articles sharing the most tags (then the section),
 * nearest in time, leaving out those the body already links to. Only a window of neighbours per tag is
 * scored, which keeps this linear.
 */
export function relatedIndexes(ordered: ArticleRecord[]): number[][] {
  const indexOf = new Map(ordered.map((record, index) => [record.summary.slug, index]));
  // Tags and sections become small integers; each article's keys a short sorted list.
  const keyIds = new Map<string, number>();
  const idOf = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyIds.size;
      keyIds.set(key, id);
    }
    return id;
  };
  const tagIds = ordered.map((record) =>
    [...new Set(record.tags.map((tag) => idOf(`t:${tag.slug}`)))].sort((a, b) => a - b),
  );
  // A section is its whole path: two sections may share a last step (`africa/news`, `europe/news`).
  const sectionIds = ordered.map((record) => idOf(`s:${sectionPath(record.summary.section)}`));
  const postings: number[][] = Array.from({ length: keyIds.size }, () => []);
  ordered.forEach((_, index) => {
    for (const id of tagIds[index] ?? []) postings[id]?.push(index);
    postings[sectionIds[index] ?? 0]?.push(index);
  });

  const seen = new Int32Array(ordered.length).fill(-1);
  // The best few so far, kept sorted by insertion: no per-article arrays to sort or collect.
  const bestOther = new Int32Array(RELATED_COUNT);
  const bestScore = new Int32Array(RELATED_COUNT);
  return ordered.map((record, index) => {
    if (record.related.length > 0) {
      return record.related.slice(0, RELATED_COUNT).flatMap((slug) => {
        const other = indexOf.get(slug);
        return other === undefined ? [] : [other];
      });
    }
    const tags = tagIds[index] ?? [];
    const section = sectionIds[index] ?? 0;
    // The articles the body links to, as indexes: comparing numbers, not long slugs.
    const linked = record.linked.flatMap((slug) => {
      const other = indexOf.get(slug);
      return other === undefined ? [] : [other];
    });
    let found = 0;
    const consider = (other: number, score: number) => {
      const distance = Math.abs(other - index);
      let at = found;
      while (at > 0) {
        const previous = bestOther[at - 1] ?? 0;
        const previousScore = bestScore[at - 1] ?? 0;
        const previousDistance = Math.abs(previous - index);
        const isBetter =
          score > previousScore ||
          (score === previousScore &&
            (distance < previousDistance || (distance === previousDistance && other < previous)));
        if (!isBetter) break;
        if (at < RELATED_COUNT) {
          bestOther[at] = previous;
          bestScore[at] = previousScore;
        }
        at--;
      }
      if (at < RELATED_COUNT) {
        bestOther[at] = other;
        bestScore[at] = score;
        if (found < RELATED_COUNT) found++;
      }
    };
    for (let k = 0; k <= tags.length; k++) {
      // The section only widens the search when shared tags found too few.
      if (k === tags.length && found === RELATED_COUNT && (bestScore[RELATED_COUNT - 1] ?? 0) >= 2) {
        break;
      }
      const list = postings[k < tags.length ? (tags[k] ?? 0) : section] ?? [];
      // Newest first: the earlier articles follow the article's own place in the list.
      const at = lowerBound(list, index + 1);
      const end = Math.min(list.length, at + RELATED_WINDOW);
      for (let position = at; position < end; position++) {
        const other = list[position] ?? index;
        if (other === index || seen[other] === index) continue;
        seen[other] = index;
        const otherTags = tagIds[other] ?? [];
        let shared = 0;
        for (let a = 0, b = 0; a < tags.length && b < otherTags.length; ) {
          const x = tags[a] ?? 0;
          const y = otherTags[b] ?? 0;
          if (x === y) {
            shared++;
            a++;
            b++;
          } else if (x < y) a++;
          else b++;
        }
        const score = shared * 2 + (sectionIds[other] === section ? 1 : 0);
        if (score === 0) continue;
        if (linked.length > 0 && linked.includes(other)) continue;
        consider(other, score);
      }
    }
    return Array.from(bestOther.subarray(0, found));
  });
}

function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The article JSON is `prefix + body + suffix`: the prefix (summary, tags, authors) depends
 * on the article alone, the suffix (related summaries) on the corpus. Built from JSON text,
 * so 100,000 articles are assembled by joining strings, not re-serialising.
 */
export function articlePrefix(record: ArticleRecord, summaryJson: string): string {
  const rest = JSON.stringify({
    tags: record.tags,
    authors: record.authors,
    isSample: record.isSample,
    ...(record.source ? { source: record.source } : {}),
    ...(record.externalUrl ? { externalUrl: record.externalUrl } : {}),
    ...(record.sourceName ? { sourceName: record.sourceName } : {}),
  });
  return `${summaryJson.slice(0, -1)},${rest.slice(1, -1)},"body":`;
}

/** The Related list's JSON; an article taken down ('') keeps its place and shows nothing. */
export function articleSuffix(relatedJson: string[]): string {
  return `,"related":[${relatedJson.filter((json) => json !== '').join(',')}]}`;
}

/**
 * Which articles the feeds show: the newest of the site and of each section (by index in
 * newest-first order), picked in one pass.
 */
export function feedIndexes(ordered: readonly ArticleRecord[], limit: number): number[] {
  const counts = new Map<string, number>();
  const wanted: number[] = [];
  ordered.forEach((record, index) => {
    const sections = [record.summary.section, ...(record.summary.section.parents ?? [])];
    let isWanted = index < limit;
    for (const section of sections) {
      const count = counts.get(section.slug) ?? 0;
      counts.set(section.slug, count + 1);
      if (count < limit) isWanted = true;
    }
    if (isWanted) wanted.push(index);
  });
  return wanted;
}
