/**
 * The archives a reader browses: a front for every section (a region's front lists its
 * countries' articles too), a page for every tag and every author, each newest first and
 * paged like the latest articles (list-pages.ts), and the menu of top-level sections. Collected in one pass
 * over the ordered records.
 */
import {
  apiPaths,
  type Archive,
  type ArchiveAbout,
  type ArchiveKind,
  type ArchiveLink,
  type SectionMenu,
} from '../../src/contract/article.ts';
import type { ArticleRecord } from './article-record.ts';
import { listFiles, pageRange } from './list-pages.ts';

export type CollectedArchive = Archive & {
  /** The archive's articles, by index in the newest-first order. */
  members: number[];
};

/** `section:africa/sudan`, `tag:uk`, `author:leila-amberfield`. */
export function archiveKey(kind: ArchiveKind, path: string): string {
  return `${kind}:${path}`;
}

export function collectArchives(ordered: readonly ArticleRecord[]): Map<string, CollectedArchive> {
  const archives = new Map<string, CollectedArchive>();
  const add = (kind: ArchiveKind, link: ArchiveLink, index: number, parents: ArchiveLink[] = []) => {
    const key = archiveKey(kind, link.path);
    let archive = archives.get(key);
    if (archive === undefined) {
      archive = { kind, ...link, parents, children: [], members: [] };
      archives.set(key, archive);
    }
    // An article listed twice (a tag given twice) is shown once.
    if (archive.members.at(-1) !== index) archive.members.push(index);
  };
  ordered.forEach((record, index) => {
    const { section } = record.summary;
    const trail = [...(section.parents ?? []), section];
    let path = '';
    const above: ArchiveLink[] = [];
    for (const step of trail) {
      path = path === '' ? step.slug : `${path}/${step.slug}`;
      const link = { name: step.name, path };
      add('section', link, index, [...above]);
      above.push(link);
    }
    for (const tag of record.tags) add('tag', { name: tag.name, path: tag.slug }, index);
    for (const author of record.authors) add('author', { name: author.name, path: author.slug }, index);
  });
  // A section's sub-sections, in the order the newsroom first published in them.
  const sections = [...archives.values()].filter((archive) => archive.kind === 'section');
  for (const section of [...sections].sort(byFirstArticle)) {
    const parent = section.parents.at(-1);
    if (parent === undefined) continue;
    archives.get(archiveKey('section', parent.path))?.children.push({ name: section.name, path: section.path });
  }
  return archives;
}

/**
 * Sections in the order the newsroom first published in them: the section of the oldest
 * article first. The menu is on every page, so its order must not move when a story is
 * published (ordered by size, two sections of about the same size swapped places, and every
 * page of the site was rendered again); a new section joins at the end.
 */
function byFirstArticle(a: CollectedArchive, b: CollectedArchive): number {
  // Members are indexes in the newest-first order: the last is the oldest, the larger older.
  return (b.members.at(-1) ?? -1) - (a.members.at(-1) ?? -1) || (a.name < b.name ? -1 : 1);
}

/** The top-level sections, in the order the newsroom first published in them, with their sub-sections. */
export function sectionMenu(archives: Map<string, CollectedArchive>): SectionMenu {
  return [...archives.values()]
    .filter((archive) => archive.kind === 'section' && archive.parents.length === 0)
    .sort(byFirstArticle)
    .map(({ name, path, children }) => ({ name, path, children }));
}

/**
 * What a page of an archive says it is, as the article at `record` gives it: the name it
 * gives the section, tag or author, and the sections above. A full page takes it from its
 * newest article, so the page never changes when a later article spells a name anew.
 */
export function aboutFrom(archive: Archive, record: ArticleRecord | undefined): ArchiveAbout {
  const { kind, path } = archive;
  const fallback = { kind, name: archive.name, path, parents: archive.parents };
  if (record === undefined) return fallback;
  switch (kind) {
    case 'section': {
      const { section } = record.summary;
      const trail = [...(section.parents ?? []), section];
      const depth = path.split('/').length;
      const step = trail[depth - 1];
      if (step === undefined) return fallback;
      const parents = trail.slice(0, depth - 1).map((above, at) => ({
        name: above.name,
        path: trail
          .slice(0, at + 1)
          .map((part) => part.slug)
          .join('/'),
      }));
      return { kind, name: step.name, path, parents };
    }
    case 'tag':
    case 'author': {
      const named = (kind === 'tag' ? record.tags : record.authors).find((item) => item.slug === path);
      return named === undefined ? fallback : { ...fallback, name: named.name };
    }
    default:
      return kind satisfies never;
  }
}

/**
 * Every file of an archive (its pages, oldest first, then its front): output path and JSON
 * text, made from the summaries' JSON and the records of its members.
 */
export function* archivePages(
  archive: CollectedArchive,
  summaryJson: (member: number) => string,
  recordOf: (member: number) => ArticleRecord | undefined,
  /** Whether the member was taken down: it keeps its place and is not counted as shown. */
  isRemoved: (member: number) => boolean,
  apiDir: string,
  pageSize: number,
  /** Only these pages (and the front, when 'front' is among them); default all. */
  only?: ReadonlySet<number | 'front'>,
): Generator<[string, string]> {
  const { members, kind, path, children } = archive;
  const total = members.length;
  const memberAt = (index: number) => summaryJson(members[index] ?? -1);
  let shown = total;
  for (const member of members) if (isRemoved(member)) shown--;
  for (const [page, json] of listFiles(total, pageSize, memberAt, only, shown)) {
    if (page === 'front') {
      const about = JSON.stringify({ ...aboutFrom(archive, undefined), children });
      yield [`${apiDir}/${apiPaths.archiveFront(kind, path)}`, `${json.slice(0, -1)},"archive":${about}}`];
    } else {
      const [newest] = pageRange(total, pageSize, page);
      const member = members[newest];
      const about = JSON.stringify(aboutFrom(archive, member === undefined ? undefined : recordOf(member)));
      yield [`${apiDir}/${apiPaths.archive(kind, path, page)}`, `${json.slice(0, -1)},"archive":${about}}`];
    }
  }
}
