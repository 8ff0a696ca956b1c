import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleJson,
  build,
  contextFor,
  importInto,
  readArticle,
  snapshot,
  tempContent,
} from './test/harness.ts';
import { startServer, type TestServer } from './test/server.ts';
import {
  SEED_CAPTION,
  SEED_CREDIT,
  SITE,
  SLUGS,
  wordpressRoute,
} from './test/wordpress-fixture.ts';
import { wordpressSource } from './wordpress.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(wordpressRoute());
});
afterAll(() => server.close());

function source(options: { since?: string } = {}, context = contextFor()) {
  return wordpressSource({ base: `${server.origin}/wp-json`, perPage: 2, ...options }, context);
}

describe('WordPress import', () => {
  it('writes the seed article as an editor would, and the content build accepts it', async () => {
    const out = await tempContent();
    const context = contextFor();
    const { summary, log } = await importInto(out, source({}, context));

    expect(summary).toEqual({ written: 4, unchanged: 0, skipped: 0 });
    expect(log).toEqual(['page 1 of 2: 2 articles', 'page 2 of 2: 2 articles']);
    expect(context.warnings).toEqual([]);

    const seed = await readArticle(out, SLUGS.seed);
    expect(seed).toBe(`---
slug: ${SLUGS.seed}
lang: en
title: UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs
published: 2023-08-09T19:03:00+01:00
modified: 2023-08-09T19:03:00+01:00
section: [Europe & Russia, UK]
tags: [UK, Turkiye, Migration, Human smuggling, Europe]
authors: [Middle East Monitor]
standfirst: The UK and Turkiye have struck an agreement to “disrupt and dismantle” human smuggling and trafficking gangs across Europe, as well as the supply of small boat parts.
image:
  src: ${SITE}/wp-content/uploads/2023/08/GettyImages-1552893433.jpg
  alt: ${SEED_CAPTION}
  width: 1200
  height: 800
  caption: ${SEED_CAPTION}
  credit: ${SEED_CREDIT}
source: ${SITE}/${SLUGS.seed}/
imported_from: ${server.origin}/wp-json
---

The UK and Turkiye have struck an agreement to “disrupt and dismantle” human smuggling and trafficking gangs across Europe, as well as the supply of small boat parts.

The British Government announced its support for establishing an operational “centre of excellence” by Turkiye’s national police last night, which aims to strengthen collaboration between Turkiye-based staff of the UK’s National Crime Agency (NCA), Home Office Intelligence and their Turkish counterparts.

According to UK Immigration Minister Robert Jenrick, who visited Turkiye last month and spoke to GB News yesterday, the partnership was backed by funding which he left unspecified, saying it is “not primarily about money” but the sharing of information between both countries and their enforcement agencies.

READ: [1st batch of migrants in UK moved to Bibby Stockholm barge, more expected](${SLUGS.barge})

As part of the agreement, a memorandum of understanding was reportedly also struck to facilitate the rapid exchange of customs data and intelligence.

Targeting the supply of small boat parts and components is also a key goal of the partnership, with the Home Office stating that transporting hundreds of such parts each year is a “vital element of smugglers’ tactics.”

The partnership reportedly does not include a deal to return failed Turkish asylum seekers, the second largest group of migrants crossing the English Channel on small boats after Afghans.

The development comes amid increased efforts by the British Government to tackle the waves of migrants who cross the channel, particularly focusing on the human smuggling gangs that organise such crossings and often demand exploitative payments from migrants.

READ: [UK increases fines for bosses, landlords supporting ‘illegal migrants’](${SITE}/${SLUGS.fines}/)
`);

    const { files, articleCount } = await build(out);
    expect(articleCount).toBe(4);
    const json = articleJson(files, SLUGS.seed);
    expect(json.title).toBe(
      'UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs',
    );
    // The site's own time (date and date_gmt differ by an hour), as the newsroom published it.
    expect(json.published).toBe('2023-08-09T19:03:00+01:00');
    expect(json.section).toEqual({
      name: 'UK',
      slug: 'uk',
      parents: [{ name: 'Europe & Russia', slug: 'europe-russia' }],
    });
    expect(json.authors).toEqual([{ name: 'Middle East Monitor', slug: 'middle-east-monitor' }]);
    expect(json.source).toBe(`${SITE}/${SLUGS.seed}/`);
    // The hero is on the source's own host, which the build cannot reach here; the Markdown
    // above holds it with its size, caption and credit.
    expect(json.body.filter((block) => block.type === 'read-link')).toEqual([
      {
        type: 'read-link',
        title: '1st batch of migrants in UK moved to Bibby Stockholm barge, more expected',
        target: { kind: 'article', slug: SLUGS.barge },
      },
      {
        type: 'read-link',
        title: 'UK increases fines for bosses, landlords supporting ‘illegal migrants’',
        target: { kind: 'external', url: `${SITE}/${SLUGS.fines}/` },
      },
    ]);
    expect(json.body.map((block) => block.type).join(' ')).toBe(
      'paragraph paragraph paragraph read-link paragraph paragraph paragraph paragraph read-link',
    );
  });

  it('keeps nested sections, figures, wp-caption boxes and links to articles imported later', async () => {
    const out = await tempContent();
    await importInto(out, source());
    const { files } = await build(out);
    const sudan = articleJson(files, SLUGS.sudan);

    expect(sudan.section).toEqual({
      name: 'Sudan',
      slug: 'sudan',
      parents: [{ name: 'Africa', slug: 'africa' }],
    });
    expect(sudan.tags.map((tag) => tag.name)).toEqual(['Sudan', 'Khartoum']);
    expect(sudan.standfirst).toBe(
      'Heavy fighting broke out again in Khartoum on Saturday as talks on a ceasefire stalled',
    );
    expect(await readArticle(out, SLUGS.sudan)).toContain(
      'alt: A street in Khartoum\n  width: 1200\n  height: 800\n  caption: A street in Khartoum\n  credit: AFP via Getty Images\n',
    );
    // The seed came on page 2; the link from page 1 was revisited once it existed.
    expect(sudan.body[0]).toMatchObject({
      type: 'paragraph',
      content: expect.arrayContaining([
        {
          type: 'link',
          target: { kind: 'article', slug: SLUGS.seed },
          children: [{ type: 'text', text: 'struck a deal on smuggling' }],
        },
      ]) as unknown,
    });
    // Photos on the source's own host are fetched by the content build, which cannot reach
    // that host here: the importer's figures and wp-caption boxes are checked in the Markdown.
    expect(sudan.body.map((block) => block.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'list',
      'quote',
      'paragraph',
    ]);
    const written = await readArticle(out, SLUGS.sudan);
    expect(written).toContain(
      `![Smoke rises over Khartoum](${SITE}/wp-content/uploads/2023/08/khartoum-smoke.jpg "Smoke rises over Khartoum on August 5, 2023 [Anadolu Agency]")`,
    );
    expect(written).toContain(
      `![Delegates in Jeddah](${SITE}/wp-content/uploads/2023/08/jeddah-talks.jpg "Delegates in Jeddah [Reuters]")`,
    );
    const markdown = await readArticle(out, SLUGS.sudan);
    expect(markdown).toContain(`media:
  - src: ${SITE}/wp-content/uploads/2023/08/khartoum-smoke.jpg
    width: 1024
    height: 576
  - src: ${SITE}/wp-content/uploads/2023/08/jeddah-talks.jpg
    width: 800
    height: 450
`);
  });

  it('decodes percent-encoded Arabic permalinks, and falls back to --section without a category', async () => {
    const out = await tempContent();
    await importInto(out, source());
    const { files } = await build(out);
    const arabic = articleJson(files, SLUGS.arabic);
    expect(arabic.title).toBe('السودان: مفاوضات جدة تتعثر');
    expect(arabic.section).toEqual({ name: 'News', slug: 'news' });
    // The media and author embeds were error objects (not public): no hero, no byline.
    expect(arabic.image).toBeUndefined();
    expect(arabic.authors).toEqual([]);
    // Linked from another post by its percent-encoded permalink: an in-app link to its slug.
    expect(articleJson(files, SLUGS.barge).body[1]).toMatchObject({
      content: [
        { type: 'text', text: 'In Arabic: ' },
        { type: 'link', target: { kind: 'article', slug: SLUGS.arabic } },
      ],
    });
    expect(arabic.body).toEqual([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'تعثرت المفاوضات في جدة & استمر القتال.' }],
      },
    ]);
  });

  it('--since asks WordPress for changes only, oldest first', async () => {
    const out = await tempContent();
    server.requests.length = 0;
    const { summary } = await importInto(out, source({ since: '2023-08-08T00:00:00Z' }));

    expect(summary).toEqual({ written: 2, unchanged: 0, skipped: 0 });
    const posts = server.requests.filter((request) => request.startsWith('/wp-json/wp/v2/posts'));
    expect(posts).toEqual([
      '/wp-json/wp/v2/posts?_embed&per_page=2&page=1&orderby=modified&order=asc&modified_after=2023-08-08T00%3A00%3A00Z',
    ]);
    expect((await snapshot(out)).size).toBe(2);
  });

  it('changes nothing when run twice: same bytes, same mtimes, all unchanged', async () => {
    const out = await tempContent();
    await importInto(out, source());
    const before = await snapshot(out);
    const second = await importInto(out, source());

    expect(second.summary).toEqual({ written: 0, unchanged: 4, skipped: 0 });
    expect(await snapshot(out)).toEqual(before);
  });

  it('leaves a hand-written article with the same slug alone, and writes the item beside it', async () => {
    const out = await tempContent();
    await mkdir(path.join(out, 'articles'), { recursive: true });
    const handWritten = `---\nslug: ${SLUGS.fines}\ntitle: Fines\npublished: 2023-08-07T10:00:00+01:00\nsection: News\n---\n\nBy hand.\n`;
    await writeFile(path.join(out, 'articles', `${SLUGS.fines}.md`), handWritten);
    await writeFile(
      path.join(out, 'articles', `${SLUGS.barge}.md`),
      handWritten.replaceAll(SLUGS.fines, SLUGS.barge),
    );

    const context = contextFor();
    const { summary } = await importInto(out, source({}, context), context.warnings);

    // The item whose slug an editor's article has takes its dated slug; nothing is skipped.
    const dated = `${SLUGS.barge}-20230807`;
    expect(summary).toEqual({ written: 4, unchanged: 0, skipped: 0 });
    expect(context.warnings).toEqual([]);
    expect(await readArticle(out, SLUGS.barge)).toBe(
      handWritten.replaceAll(SLUGS.fines, SLUGS.barge),
    );
    expect(await readArticle(out, dated)).toContain(`slug: ${dated}\n`);
    const seed = await readArticle(out, SLUGS.seed);
    expect(seed).toContain(
      `READ: [UK increases fines for bosses, landlords supporting ‘illegal migrants’](${SLUGS.fines})`,
    );
    // The link to the barge story goes to the imported story, not to the editor's namesake.
    expect(seed).toContain(`](${dated})`);

    // Re-run: every item maps to the same file, and nothing changes.
    const again = await importInto(out, source({}, contextFor()));
    expect(again.summary).toEqual({ written: 0, unchanged: 4, skipped: 0 });
    await build(out);
  });
});
