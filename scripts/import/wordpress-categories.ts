/**
 * WordPress categories nest (Africa -> Sudan), but the terms embedded in a post carry no
 * parent. The full categories are fetched once per import, parents included, and a post's
 * section is the path from the top down to its deepest category.
 */
import * as v from 'valibot';
import { checkShape, parseJson, readPage } from './fetch-page.ts';
import type { HttpOptions } from '../lib/http.ts';
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

/** Adds the categories `ids` name, and all their parents, to `known`. */
export async function fetchCategories(
  base: string,
  ids: number[],
  known: CategoryMap,
  http: HttpOptions,
): Promise<void> {
  let missing = [...new Set(ids)].filter((id) => !known.has(id));
  while (missing.length > 0) {
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
      for (const id of chunk) known.set(id, null);
      for (const category of categories) known.set(category.id, category);
      fetched.push(...categories);
    }
    missing = [...new Set(fetched.map((category) => category.parent))].filter(
      (id) => id !== 0 && !known.has(id),
    );
  }
}

/** The path from the top to the deepest of the post's categories; "Uncategorized" does not count. */
export function sectionOf(ids: number[], known: CategoryMap): string[] {
  let deepest: string[] = [];
  for (const id of ids) {
    const category = known.get(id);
    if (!category || category.slug === 'uncategorized') continue;
    const path = pathOf(category, known);
    if (path.length > deepest.length) deepest = path;
  }
  return deepest;
}

function pathOf(category: Category, known: CategoryMap): string[] {
  const names: string[] = [];
  const seen = new Set<number>();
  for (
    let current: Category | null | undefined = category;
    current;
    current = known.get(current.parent)
  ) {
    // A parent loop is a broken site, not a reason to hang.
    if (seen.has(current.id)) break;
    seen.add(current.id);
    names.unshift(htmlToText(current.name));
  }
  return names;
}
