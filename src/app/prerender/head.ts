/**
 * The head of a prerendered page beyond its title and description (which the page's own
 * components render): the canonical URL, Open Graph and Twitter tags, and for an article
 * its JSON-LD (`NewsArticle`, or `OpinionNewsArticle` in the Opinion section), so that
 * search engines and link previews see the article without running JavaScript.
 */
import type { Article } from '../../contract/article.ts';
import { site } from '../../config/site.ts';
import { paths } from '../../lib/paths.ts';

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const meta = (key: 'name' | 'property', name: string, content: string) =>
  `<meta ${key}="${name}" content="${escapeAttribute(content)}">`;

/** An absolute URL for a site path or an image source. */
export function absoluteUrl(pathOrUrl: string): string {
  return new URL(pathOrUrl, `${site.url}/`).toString();
}

/** Tags every page has: canonical, and Open Graph's site and type. */
export function pageHead(path: string, title: string, description: string): string {
  const url = absoluteUrl(path);
  return [
    `<link rel="canonical" href="${escapeAttribute(url)}">`,
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:url', url),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('name', 'twitter:card', 'summary'),
  ].join('');
}

function isOpinion(article: Article): boolean {
  return [article.section, ...(article.section.parents ?? [])].some(
    (section) => section.slug === 'opinion',
  );
}

/**
 * Who the structured data credits, by the byline's rule: the named authors; else the site
 * an imported article came from; else nobody for an imported article (the reader's own
 * name is never put on another's reporting); else the publication itself.
 */
function articleCredit(article: Article): { author?: object[]; publisher?: object } {
  const ownSite = { '@type': 'Organization', name: site.name, url: site.url };
  const sourceSite = article.sourceName
    ? {
        '@type': 'Organization',
        name: article.sourceName,
        ...(article.source ? { url: new URL(article.source).origin } : {}),
      }
    : undefined;
  const isImported = article.source !== undefined;
  const publisher = isImported ? sourceSite : ownSite;
  const authors = article.authors.map((author) => ({
    '@type': 'Person',
    name: author.name,
    url: absoluteUrl(paths.archive('author', author.slug)),
  }));
  const credited = sourceSite ?? publisher;
  const author = authors.length > 0 ? authors : credited ? [credited] : undefined;
  return { ...(author ? { author } : {}), ...(publisher ? { publisher } : {}) };
}

/** An article's head: its own Open Graph and Twitter tags, and its JSON-LD. */
export function articleHead(article: Article): string {
  const url = absoluteUrl(paths.article(article.slug));
  const description = article.standfirst || article.title;
  const image = article.image ? absoluteUrl(article.image.src) : undefined;
  const tags = [
    `<link rel="canonical" href="${escapeAttribute(url)}">`,
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:url', url),
    meta('property', 'og:title', article.title),
    meta('property', 'og:description', description),
    meta('property', 'og:locale', (article.lang ?? site.language).replace('-', '_')),
    meta('property', 'article:published_time', article.published),
    meta('property', 'article:modified_time', article.modified),
    meta('property', 'article:section', article.section.name),
    ...article.tags.map((tag) => meta('property', 'article:tag', tag.name)),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', article.title),
    meta('name', 'twitter:description', description),
  ];
  if (image && article.image) {
    tags.push(
      meta('property', 'og:image', image),
      meta('property', 'og:image:width', String(article.image.width)),
      meta('property', 'og:image:height', String(article.image.height)),
      meta('property', 'og:image:alt', article.image.alt),
      meta('name', 'twitter:image', image),
    );
  }
  const credit = articleCredit(article);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': isOpinion(article) ? 'OpinionNewsArticle' : 'NewsArticle',
    headline: article.title,
    description,
    inLanguage: article.lang ?? site.language,
    datePublished: article.published,
    dateModified: article.modified,
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    mainEntityOfPage: url,
    ...(image ? { image: [image] } : {}),
    ...(article.source ? { isBasedOn: article.source } : {}),
    ...(article.externalUrl ? { citation: article.externalUrl } : {}),
    ...credit,
  };
  tags.push(
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`,
  );
  return tags.join('');
}
