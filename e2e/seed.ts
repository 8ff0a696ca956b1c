/**
 * The seed article as its source shows it (`shared/seed/`, a sibling of the repository),
 * read at test time so that the specs compare the page with the source, not with a copy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_SLUG =
  '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs';
export const READ_TARGETS = [
  '20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected',
  '20230807-uk-increases-fines-for-bosses-landlords-supporting-illegal-migrants',
] as const;

const SEED_FILE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'seed',
  '000_069d63cb027d3d24.txt',
);

export type SeedBlock = { kind: 'paragraph'; text: string } | { kind: 'read'; headline: string };

export type Seed = {
  title: string;
  dateline: string;
  caption: string;
  credit: string;
  body: SeedBlock[];
};

/**
 * The source page's text: site chrome (two lines), headline, dateline, the photo caption
 * ending in its bracketed credit, then the body, where "READ: ..." lines are READ links.
 */
export function readSeed(): Seed {
  const lines = readFileSync(SEED_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [, , title, dateline, captionLine, ...rest] = lines;
  const captionMatch = /^(.*\S)\s*\[([^\]]+)\]$/.exec(captionLine ?? '');
  if (title === undefined || dateline === undefined || captionMatch === null || rest.length === 0) {
    throw new Error(`${SEED_FILE} does not have the expected shape`);
  }
  const body = rest.map((line): SeedBlock => {
    const read = /^READ:\s*(.+)$/.exec(line);
    return read ? { kind: 'read', headline: read[1] ?? '' } : { kind: 'paragraph', text: line };
  });
  return { title, dateline, caption: captionMatch[1] ?? '', credit: captionMatch[2] ?? '', body };
}

export const articlePath = (slug: string) => `/${slug}/`;
export const articleJsonPath = (slug: string) => `/api/articles/${slug}.json`;

/** Whitespace as a reader sees it. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file of the built API (`dist/api/…`), as the tests' server sends it. */
export function readBuiltFile(apiPath: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '..', 'dist', `.${apiPath}`), 'utf8');
}

/**
 * The last article in the seed's Related list, as built: one that no READ link in the
 * seed's text leads to, so following it asks for its file.
 */
export function lastRelatedOfSeed(): { slug: string; title: string } {
  const { related } = JSON.parse(readBuiltFile(articleJsonPath(SEED_SLUG))) as {
    related: { slug: string; title: string }[];
  };
  const last = related.at(-1);
  if (last === undefined) throw new Error('the seed article has no related articles');
  return last;
}
