/**
 * The archives a reader browses: a front for every section (a region's front lists its
 * countries' articles too), a page for every tag and every author, each newest first and
 * paged like the latest articles, and the menu of top-level sections. Collected in one pass
 * over the ordered records.
 */
import {
  apiPaths,
  type Archive,
  type ArchiveKind,
  type ArchiveLink,
  type SectionMenu,
} from '../../src/contract/article.ts';
import type { ArticleRecord } from './article-record.ts';
import { latestPageJson } from './corpus.ts';

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
  // A section's sub-sections, most articles first.
  const bySize = (a: CollectedArchive, b: CollectedArchive) =>
    b.members.length - a.members.length || (a.name < b.name ? -1 : 1);
  const sections = [...archives.values()].filter((archive) => archive.kind === 'section');
  for (const section of [...sections].sort(bySize)) {
    const parent = section.parents.at(-1);
    if (parent === undefined) continue;
    archives.get(archiveKey('section', parent.path))?.children.push({ name: section.name, path: section.path });
  }
  return archives;
}

/** The top-level sections, most articles first, with their sub-sections. */
export function sectionMenu(archives: Map<string, CollectedArchive>): SectionMenu {
  return [...archives.values()]
    .filter((archive) => archive.kind === 'section' && archive.parents.length === 0)
    .sort((a, b) => b.members.length - a.members.length || (a.name < b.name ? -1 : 1))
    .map(({ name, path, children }) => ({ name, path, children }));
}

/** Every page of an archive: output path and JSON text, made from the summaries' JSON. */
export function* archivePages(
  archive: CollectedArchive,
  summaryJson: (index: number) => string,
  apiDir: string,
  pageSize: number,
): Generator<[string, string]> {
  const total = archive.members.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  for (let page = 1; page <= pageCount; page++) {
    yield archivePage(archive, summaryJson, apiDir, pageSize, page);
  }
}

/** One page of an archive. */
export function archivePage(
  archive: CollectedArchive,
  summaryJson: (index: number) => string,
  apiDir: string,
  pageSize: number,
  page: number,
): [string, string] {
  const { members, kind, name, path, parents, children } = archive;
  const shown = members.slice((page - 1) * pageSize, page * pageSize).map(summaryJson);
  const list = latestPageJson(shown, page, pageSize, members.length);
  const about = JSON.stringify({ kind, name, path, parents, children });
  return [`${apiDir}/${apiPaths.archive(kind, path, page)}`, `${list.slice(0, -1)},"archive":${about}}`];
}
