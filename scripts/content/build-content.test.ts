import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ArticlePageSchema, ArticleSchema, ListFrontSchema } from '../../src/contract/article.ts';
import { buildContent } from './build-content.ts';
import { ContentError } from './problem.ts';
import { article, contentFixture } from './test/fixture.ts';

async function build(files: Record<string, string>, pageSize = 10) {
  const root = await contentFixture(files);
  return buildContent({ contentDir: path.join(root, 'content'), rootDir: root, pageSize });
}

/** Builds content expected to fail and returns the formatted problem lines. */
async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const error: unknown = await build(files).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).message.split('\n').slice(1).map((line) => line.trim());
}

function json<TSchema extends v.GenericSchema>(
  files: Map<string, string | Uint8Array>,
  name: string,
  schema: TSchema,
): v.InferOutput<TSchema> {
  const text = files.get(name);
  if (typeof text !== 'string') throw new Error(`no ${name} in the output`);
  return v.parse(schema, JSON.parse(text));
}

const FILE = 'content/articles/a.md';

describe('the content build rejects bad content, one message per problem', () => {
  it('names a missing title with its file, line and field', async () => {
    expect(await problemsOf({ 'a.md': article('a', { title: undefined }) })).toEqual([
      `${FILE}:1: title: missing title`,
    ]);
  });

  it('names an empty title on its own line', async () => {
    expect(await problemsOf({ 'a.md': article('a', { title: '""' }) })).toEqual([
      `${FILE}:3: title: missing title`,
    ]);
  });

  it('rejects a date without an offset, and a day that does not exist', async () => {
    const problems = await problemsOf({
      'a.md': article('a', { published: '2023-08-09 19:03' }),
      'b.md': article('b', { published: '2023-02-30T10:00:00+00:00' }),
    });
    expect(problems).toEqual([
      `${FILE}:4: published: bad date: expected ISO 8601 with offset, e.g. 2023-08-09T19:03:00+01:00`,
      'content/articles/b.md:4: published: bad date: no such day or time',
    ]);
  });

  it('rejects a section, tag or author with no letter or digit to make its address from', async () => {
    const problems = await problemsOf({
      'a.md': article('a', { section: '"<>"', tags: '[UK, "\'>"]' }),
    });
    expect(problems).toEqual([
      `${FILE}:5: section: section name "<>" has no letter or digit to make its address from`,
      `${FILE}:6: tags.1: tags entry "'>" has no letter or digit to make its address from`,
    ]);
  });

  it('rejects an image without alt text', async () => {
    const image = '\n  src: photo.png\n  width: 2\n  height: 1';
    expect(await problemsOf({ 'a.md': article('a', { image }) })).toEqual([
      `${FILE}:9: image.alt: image without alt: describe what the image shows`,
    ]);
  });

  it('rejects an image without its size', async () => {
    const image = '\n  src: photo.png\n  alt: A photo';
    expect(await problemsOf({ 'a.md': article('a', { image }) })).toEqual([
      `${FILE}:9: image.width: image without size: missing width (pixels)`,
      `${FILE}:9: image.height: image without size: missing height (pixels)`,
    ]);
  });

  it('rejects an image size that is not the file’s true size', async () => {
    const image = '\n  src: photo.png\n  alt: A photo\n  width: 1200\n  height: 675';
    expect(await problemsOf({ 'a.md': article('a', { image }) })).toEqual([
      `${FILE}:11: image: image size 1200x675 does not match the file's 2x1`,
    ]);
  });

  it('rejects an image file that is not there', async () => {
    const image = '\n  src: missing.jpg\n  alt: A photo\n  width: 2\n  height: 1';
    expect(await problemsOf({ 'a.md': article('a', { image }) })).toEqual([
      `${FILE}:9: image.src: image "missing.jpg" not found in content/images/`,
    ]);
  });

  it('rejects a duplicate slug, naming both files', async () => {
    expect(await problemsOf({ 'a.md': article('same'), 'b.md': article('same') })).toEqual([
      'content/articles/b.md:2: slug: duplicate slug "same": also used by content/articles/a.md',
    ]);
  });

  it('rejects a READ link to a slug that does not exist', async () => {
    const body = 'First paragraph.\n\nREAD: [Missing story](no-such-story)\n';
    expect(await problemsOf({ 'a.md': article('a', {}, body) })).toEqual([
      `${FILE}:18: body: link to a slug that does not exist: "no-such-story"`,
    ]);
  });

  it('rejects a related slug that does not exist', async () => {
    expect(await problemsOf({ 'a.md': article('a', { related: '[ghost]' }) })).toEqual([
      `${FILE}:14: related: link to a slug that does not exist: "ghost"`,
    ]);
  });

  it('rejects raw HTML and unsafe link targets in the body', async () => {
    const body = '<script>alert(1)</script>\n\nA [bad link](javascript:alert(1)).\n';
    expect(await problemsOf({ 'a.md': article('a', {}, body) })).toEqual([
      `${FILE}:16: body: raw HTML is not allowed in articles: <script>alert(1)</script>`,
      `${FILE}:18: body: link target "javascript:alert(1)" is neither an article slug nor an http(s) URL`,
    ]);
  });

  it('rejects a file without front matter, and front matter that is not YAML', async () => {
    expect(
      await problemsOf({ 'a.md': 'Just text.\n', 'b.md': '---\ntitle: [unclosed\n---\nBody\n' }),
    ).toEqual([
      `${FILE}:1: missing front matter: start the file with a line of ---`,
      expect.stringMatching(/^content\/articles\/b\.md:\d+: front matter is not valid YAML: /),
    ]);
  });

  it('rejects a language that is not a BCP 47 tag, naming the file and the field', async () => {
    const problems = await problemsOf({
      'a.md': article('a', { lang: 'ar_EG' }),
      'b.md': article('b', { lang: 'english' }),
    });
    expect(problems).toEqual([
      `${FILE}:14: lang: bad language tag "ar_EG": use a BCP 47 tag such as ar, tr or en-GB`,
      'content/articles/b.md:14: lang: bad language tag "english": use a BCP 47 tag such as ar, tr or en-GB',
    ]);
  });

  it('reports every problem of every file at once', async () => {
    const problems = await problemsOf({
      'a.md': article('a', { title: undefined, section: undefined }),
      'b.md': article('b', { published: 'yesterday' }),
    });
    expect(problems).toHaveLength(3);
  });
});

describe('the content build writes the JSON API', () => {
  it('turns a READ paragraph into a read-link block where the editor put it', async () => {
    const body = 'One.\n\nREAD: [The other story](b)\n\nTwo with *emphasis* and [a link](https://example.org/).\n';
    const { files } = await build({ 'a.md': article('a', {}, body), 'b.md': article('b') });
    const output = json(files, 'api/articles/a.json', ArticleSchema);
    expect(output.body).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'One.' }] },
      { type: 'read-link', title: 'The other story', target: { kind: 'article', slug: 'b' } },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Two with ' },
          { type: 'text', text: 'emphasis', marks: ['emphasis'] },
          { type: 'text', text: ' and ' },
          {
            type: 'link',
            target: { kind: 'external', url: 'https://example.org/' },
            children: [{ type: 'text', text: 'a link' }],
          },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('splits the bracketed credit off the caption and names the section and authors', async () => {
    const { files } = await build({
      'a.md': article('a', { section: 'Europe & Russia', authors: '[Jane Example]' }),
    });
    const output = json(files, 'api/articles/a.json', ArticleSchema);
    expect(output.image).toMatchObject({ caption: 'A caption', credit: 'Agency', src: '/images/photo.svg' });
    expect(output.section).toEqual({ name: 'Europe & Russia', slug: 'europe-russia' });
    expect(output.authors).toEqual([{ name: 'Jane Example', slug: 'jane-example' }]);
    expect(files.get('images/photo.svg')).toBeInstanceOf(Uint8Array);
  });

  it('keeps a nested section’s path', async () => {
    const { files } = await build({ 'a.md': article('a', { section: '[Africa, Sudan]' }) });
    const output = json(files, 'api/articles/a.json', ArticleSchema);
    expect(output.section).toEqual({
      name: 'Sudan',
      slug: 'sudan',
      parents: [{ name: 'Africa', slug: 'africa' }],
    });
  });

  it('links to slugs in any script, and reads image alt text without Markdown escapes', async () => {
    const body = 'See [the report](تقرير-المياه).\n\n![Dam \\[1\\]](photo.png)\n';
    const { files } = await build({ 'a.md': article('a', {}, body), 'b.md': article('تقرير-المياه') });
    const output = json(files, 'api/articles/a.json', ArticleSchema);
    expect(output.body[0]).toMatchObject({
      content: [{}, { type: 'link', target: { kind: 'article', slug: 'تقرير-المياه' } }, {}],
    });
    expect(output.body[1]).toMatchObject({ type: 'image', image: { alt: 'Dam [1]' } });
  });

  it('pages the latest index from the oldest, newest first within a page, with summaries only', async () => {
    const files: Record<string, string> = {};
    for (let day = 1; day <= 5; day++) {
      files[`d${day}.md`] = article(`d${day}`, { published: `2023-08-0${day}T10:00:00+01:00` });
    }
    const output = await build(files, 2);
    const oldest = json(output.files, 'api/latest/1.json', ArticlePageSchema);
    const open = json(output.files, 'api/latest/3.json', ArticlePageSchema);
    const front = json(output.files, 'api/latest/front.json', ListFrontSchema);
    expect(oldest).toEqual({ page: 1, pageSize: 2, articles: expect.any(Array) as unknown });
    expect(oldest.articles.map((summary) => summary.slug)).toEqual(['d2', 'd1']);
    expect(json(output.files, 'api/latest/2.json', ArticlePageSchema).articles.map((a) => a.slug)).toEqual([
      'd4',
      'd3',
    ]);
    expect(open.articles.map((summary) => summary.slug)).toEqual(['d5']);
    // The front: the open page, then the last full one; Older goes to the page below those.
    expect(front).toMatchObject({ total: 5, pageSize: 2, openPage: 3, olderPage: 1 });
    expect(front.articles.map((summary) => summary.slug)).toEqual(['d5', 'd4', 'd3']);
    expect(oldest.articles[0]).not.toHaveProperty('body');
    expect(output.files.has('api/latest/4.json')).toBe(false);
  });

  it('gives an article’s language, in its canonical form, to its JSON and every summary of it', async () => {
    const { files } = await build({
      'a.md': article('a', { lang: 'AR', published: '2023-08-10T10:00:00+03:00' }),
      'b.md': article('b', { lang: 'tr-tr', published: '2023-08-10T09:00:00+03:00' }),
      'c.md': article('c', { related: '[a, b]' }),
    });
    const langOf = (summaries: { slug: string; lang?: string }[]) =>
      Object.fromEntries(summaries.map((summary) => [summary.slug, summary.lang]));
    const expected = { a: 'ar', b: 'tr-TR', c: undefined };

    expect(json(files, 'api/articles/a.json', ArticleSchema).lang).toBe('ar');
    expect(json(files, 'api/articles/b.json', ArticleSchema).lang).toBe('tr-TR');
    // Absent stays absent: the article is in the site's language.
    expect(json(files, 'api/articles/c.json', ArticleSchema)).not.toHaveProperty('lang');
    expect(langOf(json(files, 'api/articles/c.json', ArticleSchema).related)).toEqual({
      a: 'ar',
      b: 'tr-TR',
    });
    for (const page of ['api/latest/1.json', 'api/sections/news/1.json', 'api/tags/uk/1.json']) {
      expect(langOf(json(files, page, ArticlePageSchema).articles), page).toEqual(expected);
    }
  });

  it('relates articles by the editor’s list, else by shared tags and section', async () => {
    const { files } = await build({
      'a.md': article('a', { tags: '[Water, Trade]' }),
      'b.md': article('b', { tags: '[Water]', section: 'Africa' }),
      'c.md': article('c', { tags: '[Sport]', section: 'Africa' }),
      'd.md': article('d', { related: '[c]' }),
    });
    const related = (slug: string) =>
      json(files, `api/articles/${slug}.json`, ArticleSchema).related.map((summary) => summary.slug);
    expect(related('a')).toEqual(['b', 'd']);
    expect(related('d')).toEqual(['c']);
  });
});
