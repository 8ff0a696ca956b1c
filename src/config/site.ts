/**
 * The publication this build of the reader serves. A newsroom deploying its own archive
 * edits these values; the content build and the app both read them.
 */
export const site = {
  name: 'Middle East Monitor',
  tagline: 'Creating new perspectives since 2009',
  /** Where the site is published; feeds, sitemaps and canonical links need absolute URLs. */
  url: 'https://www.middleeastmonitor.com',
  language: 'en',
  /** Datelines are written in the publication's own time zone, as its site shows them. */
  timeZone: 'Europe/London',
  /** Articles per page of every list in the JSON API. */
  pageSize: 10,
};
