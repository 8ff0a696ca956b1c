/** One source's article is never replaced by another's, and nothing a source says reaches the terminal raw. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './cli.ts';
import { jsonFeedSource } from './json-feed.ts';
import { rssSource } from './rss.ts';
import { rssFeed, rssItem } from './test/hostile-fixtures.ts';
import { contextFor, importInto, listDir, readArticle, tempContent } from './test/harness.ts';
import { json, startServer, type TestServer } from './test/server.ts';

// Real servers, real parsing and, for some, tens of megabytes: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const STORY = 'https://news.example.org/harbour-reopens/';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((url) => {
    if (url.pathname === '/newsroom.json')
      return json({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'The Newsroom',
        items: [
          {
            id: '1',
            url: STORY,
            title: 'The harbour reopens',
            content_text: 'The harbour reopened this morning after a week of repairs.',
            date_published: '2023-08-10T09:30:00Z',
          },
        ],
      });
    if (url.pathname === '/spoof.xml')
      return rssFeed(
        '<title>Spoof</title>',
        rssItem(STORY, 'FORGED: the harbour is closed for good'),
      );
    if (url.pathname === '/escapes.json')
      return json({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Escapes',
        items: [
          {
            id: '1',
            url: `${url.origin}/escapes/`,
            title: 'Clean title',
            content_text: 'Words.',
            language: '\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eevil',
            date_published: '2023-08-10T09:30:00Z',
          },
          // No URL: the item is named by its id in messages.
          { id: '\u001b[31mred\u001b[0m', title: 'No date' },
        ],
      });
    return undefined;
  });
});
afterAll(() => server.close());

describe('hostile source: a second feed claiming the newsroom article', () => {
  it('does not overwrite it, and names both sources and the file', async () => {
    const out = await tempContent();
    const newsroom = `${server.origin}/newsroom.json`;
    await importInto(out, jsonFeedSource(newsroom, contextFor()));
    const before = await readArticle(out, 'harbour-reopens');
    expect(before).toContain(`imported_from: ${newsroom}\n`);

    const spoof = `${server.origin}/spoof.xml`;
    const context = contextFor();
    const { summary } = await importInto(out, rssSource(spoof, context), context.warnings);

    expect(summary).toEqual({ written: 0, unchanged: 0, skipped: 1 });
    expect(context.warnings).toEqual([
      `harbour-reopens.md: ${spoof} claims ${STORY}, which ${newsroom} imported; left as it is, not replaced by another source; skipped`,
    ]);
    expect(await readArticle(out, 'harbour-reopens')).toBe(before);
    // Not written beside it under another slug either.
    expect(await listDir(path.join(out, 'articles'))).toEqual(['harbour-reopens.md']);

    // The newsroom itself still updates its own article.
    const again = await importInto(out, jsonFeedSource(newsroom, contextFor()));
    expect(again.summary).toEqual({ written: 0, unchanged: 1, skipped: 0 });
  });
});

describe('hostile source: terminal escape sequences in a feed', () => {
  it('are shown as \\x1b, never sent to the terminal raw', async () => {
    const lines: string[] = [];
    const code = await main(
      ['jsonfeed', `${server.origin}/escapes.json`, '--out', await tempContent()],
      { log: (line) => lines.push(line), warn: (line) => lines.push(line) },
    );
    expect(code).toBe(0);
    const printed = lines.join('\n');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(printed).toContain('owned\\u0007\\x9b31m\\u202eevil');
    expect(printed).toContain('item \\x1b[31mred\\x1b[0m: no readable publication date; skipped');
  });
});
