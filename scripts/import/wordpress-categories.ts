/**
 * WordPress categories nest (Africa -> Sudan), but the terms embedded in a post carry no
 * parent. The full categories are fetched once per import, parents included, and a post's
 * section is the path from the top down to its deepest category.
 */
import * as v from 'valibot';
import { checkShape, parseJson, readPage } from './fetch-page.ts';
import type { HttpOptions } from '../lib/http.ts';
import { LIMIT_OPTIONS } from './limits.ts';
import { htmlToText } from './text.ts';

const CategorySchema = v.object({
  id: v.number(),
  name: v.string(),
  slug: v.string(),
  /** 0 for a top-level category. */
  parent: v.number(),
});
type Category = v.InferOutput<typeof CategorySchema>;

/** Category id -> category; null for an id the site no longer has. */
export type CategoryMap = Map<number, Category | null>;

const PER_REQUEST = 100;

/**
 * Adds the categories `ids` name, and their parents up to `maxDepth` levels, to `known`.
 * A site's answer is held to what was asked: a category that was not asked for is not
 * taken, so a hostile site cannot grow the next round of requests.
 */
export async function fetchCategories(
  base: string,
  ids: number[],
  known: CategoryMap,
  http: HttpOptions,
  maxDepth: number,
): Promise<void> {
  let missing = [...new Set(ids)].filter((id) => !known.has(id));
  // The posts' own categories, then one round per level of parents.
  for (let round = 0; missing.length > 0 && round <= maxDepth; round++) {
    const fetched: Category[] = [];
    for (let start = 0; start < missing.length; start += PER_REQUEST) {
      const chunk = missing.slice(start, start + PER_REQUEST).sort((a, b) => a - b);
      const url = `${base}/wp/v2/categories?include=${chunk.join(',')}&per_page=${PER_REQUEST}`;
      const page = await readPage(url, http, 'application/json');
      const categories = checkShape(
        page,
        v.array(CategorySchema),
        parseJson(page),
        'a list of WordPress categories',
      );
      const asked = new Set(chunk);
      for (const id of chunk) known.set(id, null);
      for (const category of categories) {
        if (!asked.has(category.id)) continue;
        known.set(category.id, category);
        fetched.push(category);
      }
    }
    missing = [...new Set(fetched.map((category) => category.parent))].filter(
      (id) => id !== 0 && !known.has(id),
    );
  }
}

/**
 * The path from the top to the deepest of the post's categories; "Uncategorized" does not
 * count. A parent chain that loops, or runs deeper than `maxDepth`, is a broken or hostile
 * site: the path is cut (to the levels nearest the post) and `warn` says why.
 */
export function sectionOf(
  ids: number[],
  known: CategoryMap,
  maxDepth: number,
  warn: (message: string) => void,
): string[] {
  let deepest: string[] = [];
  for (const id of ids) {
    const category = known.get(id);
    if (!category || category.slug === 'uncategorized') continue;
    const path = pathOf(category, known, maxDepth, warn);
    if (path.length > deepest.length) deepest = path;
  }
  return deepest;
}

function pathOf(
  category: Category,
  known: CategoryMap,
  maxDepth: number,
  warn: (message: string) => void,
): string[] {
  const names: string[] = [];
  const seen = new Set<number>();
  for (
    let current: Category | null | undefined = category;
    current;
    current = known.get(current.parent)
  ) {
    if (seen.has(current.id)) {
      warn(
        `category ${category.id}: its parent chain loops at category ${current.id}; its section stops there`,
      );
      break;
    }
    if (names.length === maxDepth) {
      warn(
        `category ${category.id}: its parent chain is deeper than ${LIMIT_OPTIONS.maxCategoryDepth} ${maxDepth}; its section keeps the ${maxDepth} levels nearest the post`,
      );
      break;
    }
    seen.add(current.id);
    names.unshift(htmlToText(current.name));
  }
  return names;
}
