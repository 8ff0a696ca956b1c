/**
 * The interface in English: every string the reader shows or speaks, in one place. The
 * other languages' catalogues have the same keys (the type `Messages` makes a missing or
 * extra one a compile error). Counts come as numbers, so each language words its own
 * plurals; numbers are written with the language's own digits by `count`.
 */
import { formatNumber } from '../../intl.ts';

// Written without Intl where it can be: see intl.ts.
const number = { format: (n: number): string => formatNumber(n, 'en') };
const count = (n: number, one: string, other: string) =>
  `${number.format(n)} ${n === 1 ? one : other}`;

export const en = {
  skipToContent: 'Skip to content',
  loadingPage: 'Loading page',
  pageChanged: (title: string) => `${title}, page loaded`,

  sectionsNav: 'Sections',
  searchLandmark: 'Articles',
  searchLabel: 'Search articles',
  searchPlaceholder: 'Search',
  searchSubmit: 'Search',
  searchClear: 'Clear',
  searchClearLabel: 'Clear search',

  themeToggle: 'Dark theme',
  languageLabel: 'Language',
  footerLatest: 'Latest news',

  latestHeading: 'Latest news',
  latestPage: (page: number) => `Latest news, page ${number.format(page)}`,
  latestDescription: (site: string) => `The latest articles from ${site}.`,
  pagesNav: 'Pages',
  pageLabel: (page: number) => `Page ${number.format(page)}`,
  newer: '← Newer',
  older: 'Older →',
  showingStories: (n: number) => `Showing ${count(n, 'story', 'stories')}`,
  noNewerStories: 'No newer stories yet.',
  toNewest: 'See the newest stories',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  loadMoreFailed: 'More articles could not be loaded. Check your connection, then try again.',

  archiveKind: { section: 'Section', tag: 'Tag', author: 'Author' },
  archivePage: (name: string, page: number) => `${name}, page ${number.format(page)}`,
  archiveDescription: (kind: string, name: string, site: string) =>
    `${kind}: ${name}. The latest articles from ${site}.`,
  articleCount: (n: number) => count(n, 'article', 'articles'),
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  subsections: (name: string) => `In ${name}`,

  by: 'By',
  updated: 'Updated',
  tags: 'Tags',
  related: 'Related',
  readLabel: 'READ:',
  readRegion: (title: string) => `Read: ${title}`,
  imageCaption: 'Image caption, ',
  imageSource: 'Image source, ',
  externalLink: ' (opens another site)',
  table: 'Table',
  readFullStory: (host: string) => `Read the full story at ${host}`,
  sampleNote: 'Sample text written for this reader’s demonstration content.',
  readingTime: (minutes: number) => `${number.format(minutes)} min read`,
  share: 'Share',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy the link',

  notFoundTitle: 'Page not found',
  notFoundDescription: (site: string) => `This page does not exist on ${site}.`,
  notFoundText:
    'This article or page does not exist. It may have moved, or the link may be mistyped.',
  notFoundLink: 'Go to the latest news',
  errorTitle: 'Something went wrong',
  errorHeading: 'This page could not be loaded',
  errorText: 'Check your connection, then try again.',
  retry: 'Retry',
  retrying: 'Retrying…',

  searchTitle: 'Search',
  searchPageTitle: (query: string) => `Search: ${query}`,
  resultsFor: (query: string) => `Results for “${query}”`,
  filters: 'Filters',
  filterSection: 'Section',
  allSections: 'All sections',
  filterFrom: 'From',
  filterTo: 'To',
  anyMonthFrom: 'Earliest',
  anyMonthTo: 'Latest',
  searchHint: 'Type in the search box above, or press / to go there.',
  searchUnavailable: 'Search is not available right now. Check your connection and try again.',
  searching: 'Searching…',
  resultCount: (n: number) => count(n, 'result', 'results'),
  showMoreResults: 'Show more results',
  noResults: (query: string) =>
    `No articles match “${query}”. Check the spelling, try fewer words, or read the latest news:`,

  saveLabel: 'Save for later',
  saveShort: 'Save',
  savedLabel: 'Saved',
  saveFailed: 'Could not save on this device',
  saveNeedsNetwork: 'Could not fetch the article to save: check your connection',
  alreadyRead: 'Read',
  savedNav: 'Saved',
  savedTitle: 'Saved articles',
  savedDescription: 'Articles saved on this device, to read with or without a connection.',
  savedEmpty:
    'Nothing saved yet. Use “Save for later” on any article to keep it here, readable offline.',
  savedUnavailable:
    'This browser does not let the reader keep articles on this device (private browsing can do this).',
  exportSaved: 'Export saved articles',
  importSaved: 'Import saved articles…',
  importReading: (file: string) => `Reading ${file}…`,
  importFrom: (file: string) => `From ${file}:`,
  importDone: (added: number, updated: number, unchanged: number) =>
    `Imported: ${number.format(added)} added, ${number.format(updated)} updated, ${number.format(unchanged)} already here.`,
  importFailed: (reason: string) => `Nothing was imported. ${reason}`,
  importedCopyLabel: 'Your copy, imported from a file',
  importedCopyNotice: (siteName: string) =>
    `Your saved copy, imported from a file — not published by ${siteName}.`,
  savedCopyNotice: 'Your saved copy, kept on this device.',
  readCurrentVersion: 'Read the current version',
  savedCopyTitle: (title: string) => `Your saved copy: ${title}`,
  allSaved: 'All saved articles',
  offline: 'You are offline. Articles you have opened or saved can still be read.',
  online: 'You are back online.',
  updateReady: 'A new version of the reader is ready.',
  updateNow: 'Update',

  newStories: (n: number) => count(n, 'new story', 'new stories'),
  articleUpdated: 'This article has been updated.',
  showUpdate: 'Show the update',
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every catalogue has: English's, with its strings widened. */
export type Messages = Widen<typeof en>;
