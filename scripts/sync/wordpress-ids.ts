/**
 * Which posts a WordPress site still publishes. The REST API lists no deleted posts, and a
 * post taken back to draft simply stops being listed, so the only way to notice either is to
 * ask for the ids of every published post and compare: `?_fields=id&per_page=100`, about
 * 2 KB a page, the total in `X-WP-Total`. `postCount` asks for that total alone (one post of
 * one field), which a sync does every run: a count that differs from what it expects is the
 * cheap sign that something was removed.
 */
import * as v from 'valibot';
import type { SourceCommand } from '../import/cli.ts';
import { checkShape, parseJson, readPage, type Page } from '../import/fetch-page.ts';
import { accessFor } from '../import/fetch-policy.ts';
import { ImportError } from '../import/import-error.ts';
import { LIMIT_OPTIONS } from '../import/limits.ts';
import { apiRoot } from '../import/wordpress.ts';

/** WordPress's largest `per_page`. */
const PER_PAGE = 100;

const IdsSchema = v.array(v.object({ id: v.number() }));

function reader(command: SourceCommand) {
  const base = apiRoot(command.location);
  const { limits, policy } = accessFor(base, { ...command.context, warn: () => undefined });
  const read = async (query: Record<string, string>) => {
    // Ordered by id, so that a post published meanwhile lands on the last page, not between two.
    const search = new URLSearchParams({ _fields: 'id', orderby: 'id', order: 'asc', ...query });
    const page = await readPage(`${base}/wp/v2/posts?${search.toString()}`, policy.page);
    const ids = checkShape(page, IdsSchema, parseJson(page), 'a list of WordPress post ids');
    return { page, ids: ids.map((post) => String(post.id)) };
  };
  return { limits, read };
}

function total(page: Page, header: string): number {
  const value = Number(page.headers?.get(header) ?? Number.NaN);
  if (!Number.isInteger(value) || value < 0)
    throw new ImportError(`${page.where}: no ${header} header; cannot tell which posts remain`);
  return value;
}

/** How many posts the site publishes. */
export async function postCount(command: SourceCommand): Promise<number> {
  const { page } = await reader(command).read({ per_page: '1' });
  return total(page, 'x-wp-total');
}

/** The ids of every post the site publishes, within the import's limits. */
export async function publishedIds(command: SourceCommand): Promise<Set<string>> {
  const { limits, read } = reader(command);
  const ids = new Set<string>();
  for (let number = 1; ; number++) {
    const { page, ids: listed } = await read({ per_page: String(PER_PAGE), page: String(number) });
    listed.forEach((id) => ids.add(id));
    const pages = total(page, 'x-wp-totalpages');
    if (number >= pages || listed.length === 0) return ids;
    if (ids.size >= limits.maxItems || number >= Math.ceil(limits.maxItems / PER_PAGE))
      throw new ImportError(
        `${page.where}: more than ${LIMIT_OPTIONS.maxItems} ${limits.maxItems} posts; their ids were not all read`,
      );
  }
}

/**
 * Which of `ids` the site still publishes, asked of the posts themselves: a post deleted
 * while the ids were being listed moves the others up a page, so one could seem gone.
 */
export async function stillPublished(
  command: SourceCommand,
  ids: readonly string[],
): Promise<Set<string>> {
  const { read } = reader(command);
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += PER_PAGE) {
    const chunk = ids.slice(start, start + PER_PAGE);
    const { ids: listed } = await read({ include: chunk.join(','), per_page: String(PER_PAGE) });
    listed.forEach((id) => found.add(id));
  }
  return found;
}
