/**
 * Builds and serves a site made of hostile content, for `e2e/hostile.spec.ts`: every vector
 * of `vectors.ts` in every field of an article (title, standfirst, body, caption, credit,
 * byline, tags, READ link), written by hand in Markdown and brought in by each importer
 * (WordPress over a real local HTTP server, JSON Feed and RSS from files). The site is built
 * exactly as `npm run build` builds the real one, then served as static files.
 *
 * `node e2e/hostile/build-site.ts --port 4175` (Playwright starts it as a web server).
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { jsonFeedSource } from '../../scripts/import/json-feed.ts';
import { rssSource } from '../../scripts/import/rss.ts';
import type { ImportSource } from '../../scripts/import/source.ts';
import { contextFor, importInto } from '../../scripts/import/test/harness.ts';
import { startServer } from '../../scripts/import/test/server.ts';
import { post, SITE, wordpressRoute } from '../../scripts/import/test/wordpress-fixture.ts';
import { wordpressSource } from '../../scripts/import/wordpress.ts';
import { buildAndServe } from '../build-and-serve.ts';
import { VECTORS } from './vectors.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4175' } } });
const repo = path.resolve(import.meta.dirname, '..', '..');
const root = await mkdtemp(path.join(tmpdir(), 'reader-hostile-'));
const content = path.join(root, 'content');
await mkdir(path.join(content, 'articles'), { recursive: true });
await mkdir(path.join(content, 'images'), { recursive: true });
await copyFile(
  path.join(repo, 'content', 'images', 'uk-turkiye-smuggling-deal.svg'),
  path.join(content, 'images', 'hostile.svg'),
);

/** YAML's double-quoted strings are JSON's: any vector fits in one. */
const yaml = (text: string) => JSON.stringify(text);
/**
 * A vector as Markdown text: every ASCII punctuation mark backslash-escaped, as an editor
 * writing about the attack would. (Raw HTML, javascript: links and unknown images in a
 * Markdown body stop the build with the file and line, so they never reach a page.)
 */
const mdText = (text: string) =>
  text.replace(/[\\`*_{}[\]()#+\-.!<>|~"'&$=:;/?@^%,]/g, '\\$&').replace(/[\u2028\u2029]/g, ' ');
const mdSlug = (index: number) => `20230901-hostile-markdown-${index}`;
/**
 * A headline or a name as the content rules take it (decision 014): a line separator is a
 * space, and a name is 100 characters at most. What they refuse is tested by their own unit
 * tests (scripts/content/text-rules.test.ts); here every vector must reach a page.
 */
const line = (text: string) => text.replace(/[\u2028\u2029]/g, ' ');
const name = (text: string) => Array.from(line(text)).slice(0, 100).join('');

// 1. By hand, in Markdown.
for (const [index, vector] of VECTORS.entries()) {
  const next = mdSlug((index + 1) % VECTORS.length);
  await writeFile(
    path.join(content, 'articles', `${mdSlug(index)}.md`),
    `---
slug: ${mdSlug(index)}
title: ${yaml(line(`Markdown ${index} ${vector}`))}
published: 2023-09-01T10:${String(index % 60).padStart(2, '0')}:00+01:00
section: News
tags: [${yaml(name(`Tag ${index} ${vector}`))}]
authors: [${yaml(name(`Author ${index} ${vector}`))}]
standfirst: ${yaml(vector)}
image:
  src: hostile.svg
  alt: ${yaml(vector)}
  width: 1200
  height: 675
  caption: ${yaml(`${vector} [${vector}]`)}
related: [${next}]
---

${mdText(vector)}

A paragraph with ${mdText(vector)} inline, \`\` ${vector.replace(/[\u2028\u2029]/g, ' ')} \`\` as code, and a [link](${next}) beside it.

READ: [${mdText(vector)}](${next})

> ${mdText(vector)}

- ${mdText(vector)}
`,
  );
}

const warnings: string[] = [];
const importAll = (source: ImportSource) => importInto(content, source, warnings);
/** An article's HTML as a newsroom's system sends it; `link(n)` is the URL of article n. */
const feedHtml = (vector: string, link: (index: number) => string, index: number) =>
  `<p>${vector}</p><p>Text with ${vector} inside.</p><p>READ: <a href="${link((index + 1) % VECTORS.length)}">${vector}</a></p><figure><img src="javascript:alert(0)" alt="${vector}"><figcaption>${vector} [${vector}]</figcaption></figure>`;

// 2. A JSON Feed, from a file.
const feedLink = (index: number) => `https://feed.example.org/feed-hostile-${index}/`;
await writeFile(
  path.join(root, 'feed.json'),
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile feed',
    items: VECTORS.map((vector, index) => ({
      id: `feed-${index}`,
      url: feedLink(index),
      title: `Feed ${index} ${vector}`,
      content_html: feedHtml(vector, feedLink, index),
      summary: vector,
      date_published: `2023-09-02T10:${String(index % 60).padStart(2, '0')}:00Z`,
      authors: [{ name: `Feed author ${index} ${vector}` }],
      tags: [`Feed tag ${index} ${vector}`],
    })),
  }),
);
await importAll(jsonFeedSource(path.join(root, 'feed.json'), contextFor()));

// 3. An RSS feed, from a file.
const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rssOrigin = 'https://rss.example.org';
const rssLink = (index: number) => `${rssOrigin}/rss-hostile-${index}/`;
await writeFile(
  path.join(root, 'rss.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Hostile RSS</title><link>${rssOrigin}/</link><description>x</description>
${VECTORS.map(
  (vector, index) => `<item>
<title>${xml(`RSS ${index} ${vector}`)}</title>
<link>${rssLink(index)}</link>
<guid>${rssLink(index)}</guid>
<pubDate>Sun, 03 Sep 2023 10:${String(index % 60).padStart(2, '0')}:00 GMT</pubDate>
<dc:creator>${xml(`RSS author ${index} ${vector}`)}</dc:creator>
<category>${xml(`RSS tag ${index} ${vector}`)}</category>
<description>${xml(vector)}</description>
<content:encoded>${xml(feedHtml(vector, rssLink, index))}</content:encoded>
</item>`,
).join('\n')}
</channel></rss>`,
);
await importAll(rssSource(path.join(root, 'rss.xml'), contextFor()));

// 4. A WordPress site's REST API, over HTTP.
const posts = VECTORS.map((vector, index) =>
  post({
    id: 5000 + index,
    link: `${SITE}/20230904-hostile-wordpress-${index}/`,
    slug: `20230904-hostile-wordpress-${index}`,
    gmt: `2023-09-04T10:${String(index % 60).padStart(2, '0')}:00`,
    modifiedGmt: `2023-09-04T11:${String(index % 60).padStart(2, '0')}:00`,
    title: `WordPress ${index} ${vector}`,
    content: feedHtml(vector, (next) => `${SITE}/20230904-hostile-wordpress-${next}/`, index),
    excerpt: `<p>${vector}</p>`,
    categories: [5],
    tags: [31],
    author: { id: 9000 + index, name: `WP author ${index} ${vector}`, slug: `wp-author-${index}` },
  }),
);
const wordpress = await startServer(wordpressRoute(posts));
try {
  await importAll(
    wordpressSource({ base: `${wordpress.origin}/wp-json`, perPage: 100 }, contextFor()),
  );
} finally {
  await wordpress.close();
}

// 5. The build, as `npm run build` runs it, on this content, then served.
const { url } = await buildAndServe({ name: 'hostile', root, port: Number(values.port) });
console.log(
  `hostile site: ${VECTORS.length} vectors, Markdown, JSON Feed, RSS and WordPress, built in ${root}, serving ${url} (${warnings.length} importer warnings)`,
);
