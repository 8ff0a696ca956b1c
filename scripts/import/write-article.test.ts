import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBlock, ImportedArticle } from './imported-article.ts';
import { png } from './test/feed-fixtures.ts';
import { articleJson, build, tempContent } from './test/harness.ts';
import { startServer, type TestServer } from './test/server.ts';
import { renderArticle, writeArticle } from './write-article.ts';

const article = (body: ImportBlock[], extra: Partial<ImportedArticle> = {}): ImportedArticle => ({
  slug: 'a-story',
  title: 'true',
  published: '2023-08-09T19:03:00+01:00',
  section: ['Africa', 'Sudan'],
  tags: ['2023', 'Europe & Russia', 'yes: no'],
  authors: [],
  standfirst: '# Not a heading, [not] a link',
  source: 'https://example.org/a-story/',
  body,
  ...extra,
});

async function roundTrip(body: ImportBlock[]) {
  const out = await tempContent();
  await mkdir(path.join(out, 'articles'), { recursive: true });
  await writeFile(
    path.join(out, 'articles', 'a-story.md'),
    renderArticle(article(body), new Set()).text,
  );
  await writeFile(
    path.join(out, 'articles', 'other.md'),
    renderArticle(article([], { slug: 'other', title: 'Other' }), new Set()).text,
  );
  return articleJson((await build(out)).files, 'a-story');
}

/** Serves the photo whose URL has Markdown's special characters, so the build can fetch it. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer((url) =>
    url.pathname === '/p_(1).png'
      ? { status: 200, headers: { 'content-type': 'image/png' }, body: png(4, 3) }
      : undefined,
  );
});
afterAll(() => server.close());

describe('writing an article', () => {
  it('escapes whatever the text holds, so the build reads back exactly the blocks written', async () => {
    const body: ImportBlock[] = [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '1. Not a list * _ ` <div> &amp; [x](y) ' },
          { type: 'text', text: 'bold', marks: ['strong'] },
          { type: 'text', text: 'both', marks: ['strong', 'emphasis'] },
          { type: 'text', text: 'mid', marks: ['emphasis'] },
          { type: 'text', text: 'word' },
          { type: 'break' },
          { type: 'text', text: 'a`b', marks: ['code'] },
        ],
      },
      { type: 'heading', level: 3, content: [{ type: 'text', text: '## Hashes' }] },
      {
        type: 'quote',
        paragraphs: [[{ type: 'text', text: '> quoted' }], [{ type: 'text', text: 'second' }]],
      },
      {
        type: 'list',
        isOrdered: false,
        items: [
          [{ type: 'text', text: '- dash' }],
          [
            {
              type: 'link',
              target: { url: 'https://x.org/a_(b)?c=1&d=2' },
              children: [{ type: 'text', text: ']' }],
            },
          ],
        ],
      },
      {
        type: 'image',
        image: {
          src: `${server.origin}/p_(1).png?a=1&b=2`,
          alt: 'Alt text',
          width: 4,
          height: 3,
          caption: 'Say "cheese"',
          credit: 'A/B',
        },
      },
      {
        type: 'read-link',
        title: 'A [bracketed] *title*',
        target: { url: 'https://example.org/other/', slug: 'other' },
      },
    ];
    const json = await roundTrip(body);

    expect(json.title).toBe('true');
    expect(json.tags.map((tag) => tag.name)).toEqual(['2023', 'Europe & Russia', 'yes: no']);
    expect(json.standfirst).toBe('# Not a heading, [not] a link');
    expect(json.body).toEqual([
      body[0],
      body[1],
      body[2],
      {
        type: 'list',
        isOrdered: false,
        items: [
          [{ type: 'text', text: '- dash' }],
          [
            {
              type: 'link',
              target: { kind: 'external', url: 'https://x.org/a_(b)?c=1&d=2' },
              children: [{ type: 'text', text: ']' }],
            },
          ],
        ],
      },
      {
        type: 'image',
        image: {
          // The build fetched the photo by the URL the Markdown holds, and publishes it as its own.
          src: expect.stringMatching(/^\/images\/remote\/[0-9a-f]+\.png$/) as string,
          alt: 'Alt text',
          width: 4,
          height: 3,
          widths: expect.any(Array) as number[],
          caption: 'Say "cheese"',
          credit: 'A/B',
        },
      },
      {
        type: 'read-link',
        title: 'A [bracketed] *title*',
        target: { kind: 'external', url: 'https://example.org/other/' },
      },
    ]);
    expect(server.requests).toContain('/p_(1).png?a=1&b=2');
  });

  it('writes a same-site link as an in-app link only when the slug is known', () => {
    const body: ImportBlock[] = [
      {
        type: 'read-link',
        title: 'Other',
        target: { url: 'https://example.org/other/', slug: 'other' },
      },
    ];
    expect(renderArticle(article(body), new Set(['other'])).text).toContain('READ: [Other](other)');
    const unknown = renderArticle(article(body), new Set());
    expect(unknown.text).toContain('READ: [Other](https://example.org/other/)');
    expect(unknown.unresolved).toEqual(['other']);
  });

  it('does not touch a file whose bytes would not change', async () => {
    const out = await tempContent();
    const file = path.join(out, 'a-story.md');
    const { text } = renderArticle(article([]), new Set());
    expect(await writeArticle(file, text, { source: 'https://example.org/a-story/' })).toEqual({
      outcome: 'written',
    });
    const before = (await stat(file)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await writeArticle(file, text, { source: 'https://example.org/a-story/' })).toEqual({
      outcome: 'unchanged',
    });
    expect((await stat(file)).mtimeMs).toBe(before);
  });
});
