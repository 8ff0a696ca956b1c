import { readdirSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createRoutes } from '../../src/app/router.tsx';
import { MAX_BODY_BYTES } from '../../src/lib/api-client.ts';
import { readArticle } from './article-record.ts';
import { readArticleFrontMatter } from './parse-article.ts';
import { formatProblem } from './problem.ts';
import { article } from './test/fixture.ts';
import { LIMITS, RELATED_ROOM_BYTES, RESERVED_SLUGS } from './text-rules.ts';

const FILE = 'content/articles/a.md';

function problemsOf(text: string): string[] {
  return readArticleFrontMatter(FILE, text).problems.map(formatProblem);
}

/** A YAML double-quoted string: how an editor writes a character they cannot type. */
const yamlString = (value: string) => JSON.stringify(value);

/** The front matter of a valid article with `lines` added (or replacing the default ones). */
const withYaml = (lines: string) => `---\nslug: a\ntitle: A\npublished: 2023-08-09T19:03:00+01:00\n${lines}\n---\n\nA paragraph.\n`;

describe('hostile source: front matter that expands (alias bombs)', () => {
  /** Nine lists of nine aliases to the list before: a billion laughs in nine lines. */
  const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (const [above, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
    bomb.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${above}`).join(', ')}]`);
  }
  const refused = (line: number) =>
    `${FILE}:${line}: front matter refused: more than 20 aliases (*name), and repeated aliases can expand a few lines into gigabytes (an alias bomb)`;

  it('refuses a billion laughs a field uses, at the line of the alias past the limit', () => {
    expect(problemsOf(withYaml(`section: News\n${bomb.join('\n')}\ntags: *i`))).toEqual([
      refused(9),
    ]);
  });

  it('refuses a billion laughs no field uses', () => {
    expect(problemsOf(withYaml(`section: News\n${bomb.join('\n')}`))).toEqual([refused(9)]);
  });

  it('refuses an alias used before its anchor, which crashed the precise parser', () => {
    expect(problemsOf(withYaml('section: *news\nother: &news News'))).toEqual([
      `${FILE}:5: front matter is not valid YAML: alias *news is used before its anchor &news is set`,
    ]);
  });

  it('refuses front matter nested 100,000 levels deep', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(problemsOf(withYaml(`section: News\nx: ${deep}`))).toEqual([
      `${FILE}:6: front matter refused: it nests more than 20 levels deep`,
    ]);
  });
});

describe('front matter aliases an editor writes', () => {
  it('reads a few aliases as the values they repeat', () => {
    const { front, problems } = readArticleFrontMatter(
      FILE,
      withYaml('section: &news News\ntags: [*news, UK]'),
    );
    expect(problems).toEqual([]);
    expect(front?.meta.tags).toEqual(['News', 'UK']);
  });
});

describe('hostile source: section paths deep and long', () => {
  it('refuses a section path 1,500 levels deep', () => {
    const chain = Array.from({ length: 1500 }, (_, index) => `Level ${index}`).join(', ');
    expect(problemsOf(article('a', { section: `[${chain}]` }))).toEqual([
      `${FILE}:5: section: section path is 1,500 levels deep; at most 6`,
    ]);
  });

  it('refuses a section path of 7 levels, and reads one of 6', () => {
    const path = (depth: number) =>
      `[${Array.from({ length: depth }, (_, index) => `Level ${index}`).join(', ')}]`;
    expect(problemsOf(article('a', { section: path(7) }))).toEqual([
      `${FILE}:5: section: section path is 7 levels deep; at most 6`,
    ]);
    expect(problemsOf(article('a', { section: path(6) }))).toEqual([]);
  });

  it('refuses a section name of 5,000 characters, alone or in a path', () => {
    const long = 'x'.repeat(5000);
    expect(problemsOf(article('a', { section: long }))).toEqual([
      `${FILE}:5: section: section name is 5,000 characters long; at most 100`,
    ]);
    expect(problemsOf(article('a', { section: `[Africa, ${long}]` }))).toEqual([
      `${FILE}:5: section.1: section name is 5,000 characters long; at most 100`,
    ]);
  });
});

describe('hostile source: names longer than a file name may be', () => {
  it('refuses a slug of 300 letters, which names a file', () => {
    expect(problemsOf(article('a'.repeat(300), { title: 'A' }))).toEqual([
      `${FILE}:2: slug: slug is 300 bytes long (UTF-8); at most 200, as it names files`,
    ]);
  });

  it('counts a slug in bytes: 110 Arabic letters are 220', () => {
    expect(problemsOf(article('ب'.repeat(110), { title: 'A' }))).toEqual([
      `${FILE}:2: slug: slug is 220 bytes long (UTF-8); at most 200, as it names files`,
    ]);
  });

  it('refuses a tag of 300 characters', () => {
    expect(problemsOf(article('a', { tags: `[${'t'.repeat(300)}]` }))).toEqual([
      `${FILE}:6: tags.0: tags entry is 300 characters long; at most 100`,
    ]);
  });

  it('refuses a tag whose address is longer than a file name may be', () => {
    // 90 characters, each three bytes in UTF-8: the folder /tags/<slug>/ would take 270.
    const tag = '漢'.repeat(90);
    expect(problemsOf(article('a', { tags: `[${tag}]` }))).toEqual([
      `${FILE}:6: tags.0: the address of tags entry "${tag.slice(0, 80)}…" is 270 bytes long (UTF-8); at most 200, as it names files`,
    ]);
  });

  it('refuses an author of 101 characters', () => {
    expect(problemsOf(article('a', { authors: `[${'b'.repeat(101)}]` }))).toEqual([
      `${FILE}:14: authors.0: authors entry is 101 characters long; at most 100`,
    ]);
  });

  it('refuses a title of 301 characters', () => {
    expect(problemsOf(article('a', { title: 'T'.repeat(301) }))).toEqual([
      `${FILE}:3: title: title is 301 characters long; at most 300`,
    ]);
  });

  it('refuses a standfirst, caption, credit and alt past their lengths', () => {
    expect(problemsOf(article('a', { standfirst: 's'.repeat(2001) }))).toEqual([
      `${FILE}:7: standfirst: standfirst is 2,001 characters long; at most 2,000`,
    ]);
    const image = (field: string, length: number) =>
      `\n  src: photo.svg\n  alt: A photo\n  width: 2\n  height: 1\n  ${field}: ${'c'.repeat(length)}`;
    expect(problemsOf(article('a', { image: image('caption', 2001) }))).toEqual([
      `${FILE}:13: image.caption: caption is 2,001 characters long; at most 2,000`,
    ]);
    expect(problemsOf(article('a', { image: image('credit', 301) }))).toEqual([
      `${FILE}:13: image.credit: credit is 301 characters long; at most 300`,
    ]);
    const alt = `\n  src: photo.svg\n  alt: ${'a'.repeat(1001)}\n  width: 2\n  height: 1`;
    expect(problemsOf(article('a', { image: alt }))).toEqual([
      `${FILE}:10: image.alt: image alt is 1,001 characters long; at most 1,000`,
    ]);
  });

  it('refuses a source_name of 201 characters and URLs of 2,049', () => {
    expect(problemsOf(article('a', { source_name: 'n'.repeat(201) }))).toEqual([
      `${FILE}:14: source_name: source_name is 201 characters long; at most 200`,
    ]);
    const url = `https://example.org/${'u'.repeat(2029)}`;
    expect(problemsOf(article('a', { source: url }))).toEqual([
      `${FILE}:14: source: source is 2,049 characters long; at most 2,048`,
    ]);
    expect(problemsOf(article('a', { external_url: url }))).toEqual([
      `${FILE}:14: external_url: external_url is 2,049 characters long; at most 2,048`,
    ]);
  });

  it('refuses lists of a thousand tags, authors or related articles', () => {
    const list = (count: number) => `[${Array.from({ length: count }, (_, i) => `n${i}`).join(', ')}]`;
    expect(problemsOf(article('a', { tags: list(1000) }))).toEqual([
      `${FILE}:6: tags: tags has 1,000 entries; at most 100`,
    ]);
    expect(problemsOf(article('a', { authors: list(1000) }))).toEqual([
      `${FILE}:14: authors: authors has 1,000 entries; at most 50`,
    ]);
    expect(problemsOf(article('a', { related: list(1000) }))).toEqual([
      `${FILE}:14: related: related has 1,000 entries; at most 20`,
    ]);
  });
});

describe('hostile source: control and invisible characters', () => {
  it.each([
    ['NUL', 'A\0B', 'U+0000 (NUL), at character 2'],
    ['a carriage return', 'A\rB', 'U+000D (carriage return), at character 2'],
    ['a line feed', 'A\nB', 'U+000A (line feed), at character 2'],
    ['an escape sequence', 'A\x1b[2JB', 'U+001B (escape), at character 2'],
    ['a C1 control', 'A\x9bB', 'U+009B (control sequence introducer), at character 2'],
    ['a right-to-left override', 'Price \u202e0001', 'U+202E (right-to-left override), at character 7'],
    ['a right-to-left isolate', 'A\u2067B', 'U+2067 (right-to-left isolate), at character 2'],
    ['a line separator', 'A\u2028B', 'U+2028 (line separator), at character 2'],
    ['half a character', 'A\ud800B', 'U+D800, at character 2'],
  ])('refuses a title holding %s', (_, title, where) => {
    expect(problemsOf(article('a', { title: yamlString(title) }))).toEqual([
      `${FILE}:3: title: title holds an invisible or control character, ${where}: remove it`,
    ]);
  });

  it.each([
    ['a zero-width space', 'uk\u200bnews'],
    ['a soft hyphen', 'uk\u00adnews'],
    ['a right-to-left override', 'uk\u202enews'],
    ['a NUL', 'uk\u0000news'],
    ['a combining mark', 'uk\u0301news'],
  ])('refuses a slug holding %s', (_, slug) => {
    expect(problemsOf(article(yamlString(slug), { title: 'A' }))).toEqual([
      `${FILE}:2: slug: bad slug: use lowercase letters, digits and single hyphens`,
    ]);
  });

  it('refuses a slug holding a letter with no ink (Hangul filler)', () => {
    expect(problemsOf(article('uk\u3164news'))).toEqual([
      `${FILE}:2: slug: slug holds an invisible letter, U+3164 (Hangul filler): remove it`,
    ]);
  });

  it('refuses a slug mixing Latin and Cyrillic look-alikes in one word', () => {
    // "pаypal" with a Cyrillic а: the address of another site's story, to the eye.
    expect(problemsOf(article('p\u0430ypal-news'))).toEqual([
      `${FILE}:2: slug: slug mixes Latin and Cyrillic letters in the word "p\u0430ypal", which makes a look-alike address: write the word in one script`,
    ]);
    expect(problemsOf(article('\u03bflive-oil'))).toEqual([
      `${FILE}:2: slug: slug mixes Latin and Greek letters in the word "\u03bflive", which makes a look-alike address: write the word in one script`,
    ]);
  });

  it('refuses a tag whose address mixes look-alike scripts', () => {
    expect(problemsOf(article('a', { tags: '[P\u0430yPal]' }))).toEqual([
      `${FILE}:6: tags.0: the address of tags entry "P\u0430yPal" mixes Latin and Cyrillic letters in the word "p\u0430ypal", which makes a look-alike address: write the word in one script`,
    ]);
  });

  it.each([
    ['a zero-width space', 'U\u200bK', 'U+200B (zero-width space), at character 2'],
    ['a soft hyphen', 'Ukr\u00adaine', 'U+00AD (soft hyphen), at character 4'],
    ['a word joiner', 'U\u2060K', 'U+2060 (word joiner), at character 2'],
    ['an escape sequence', 'UK\x1b[31m', 'U+001B (escape), at character 3'],
  ])('refuses a tag holding %s, which would hide in its address', (_, tag, where) => {
    expect(problemsOf(article('a', { tags: `[${yamlString(tag)}]` }))).toEqual([
      `${FILE}:6: tags.0: tags entry holds an invisible or control character, ${where}: remove it`,
    ]);
  });

  it('refuses a section and an author holding a control character', () => {
    expect(problemsOf(article('a', { section: '"News\\0"' }))).toEqual([
      `${FILE}:5: section: section name holds an invisible or control character, U+0000 (NUL), at character 5: remove it`,
    ]);
    expect(problemsOf(article('a', { authors: '["Ann\\rLee"]' }))).toEqual([
      `${FILE}:14: authors.0: authors entry holds an invisible or control character, U+000D (carriage return), at character 4: remove it`,
    ]);
  });

  it('refuses NUL and carriage returns in a standfirst and a caption, keeping line breaks', () => {
    expect(problemsOf(article('a', { standfirst: '"One\\r\\ntwo"' }))).toEqual([
      `${FILE}:7: standfirst: standfirst holds an invisible or control character, U+000D (carriage return), at character 4: remove it`,
    ]);
    expect(problemsOf(article('a', { standfirst: '"One\\n\\ttwo"' }))).toEqual([]);
  });

  it('escapes an escape sequence quoted in a message, so the terminal never runs it', () => {
    const [line = ''] = problemsOf(article('a', { tags: '["\\e]0;pwned\\a\\e[2J"]' }));
    expect(line).toContain('tags entry holds an invisible or control character, U+001B (escape)');
    const hostile = problemsOf(article('a', { lang: '"\\e[2J\\x9b31m"' }));
    expect(hostile).toEqual([
      `${FILE}:14: lang: bad language tag "\\u001b[2J\\x9b31m": use a BCP 47 tag such as ar, tr or en-GB`,
    ]);
    // eslint-disable-next-line no-control-regex
    expect(hostile.join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('hostile source: slugs the site itself uses', () => {
  it.each(['search', 'saved', 'page', 'category', 'tags', 'author', 'api', 'assets', 'images', 'icons', 'section', '404', 'offline', 'feed', 'rss', 'sitemap'])(
    'refuses the slug %s',
    (slug) => {
      expect(problemsOf(article(yamlString(slug), { title: 'A' }))).toEqual([
        `${FILE}:2: slug: slug "${slug}" is reserved: /${slug}/ is the site's own, so the article could never be shown there`,
      ]);
    },
  );
});

describe('the reserved slugs', () => {
  /** The first path segments of the app's routes: `search`, `page/:page`, `category/*`. */
  function routeSegments(routes: RouteObject[]): string[] {
    return routes.flatMap((route) => [
      ...(route.path === undefined ? [] : [route.path.split('/')[0] ?? '']),
      ...routeSegments(route.children ?? []),
    ]);
  }

  it('hold every first segment of the routes that is not a parameter', () => {
    const segments = routeSegments(createRoutes(new QueryClient())).filter(
      (segment) => /^[a-z0-9-]+$/.test(segment),
    );
    expect(segments.length).toBeGreaterThan(4);
    expect(segments.filter((segment) => !RESERVED_SLUGS.has(segment))).toEqual([]);
  });

  it('hold every name public/ puts at the root of the site', () => {
    const names = readdirSync(path.resolve('public')).map((name) => name.replace(/\..*$/, ''));
    expect(names.filter((name) => !RESERVED_SLUGS.has(name))).toEqual([]);
  });
});

describe('hostile source: section paths that collide with paging', () => {
  it('refuses a section "Page" above a section "2": page 2 of the section above', () => {
    expect(problemsOf(article('a', { section: '[Africa, Page, "2"]' }))).toEqual([
      `${FILE}:5: section: section path "Africa / Page / 2" has the address /category/africa/page/2/, which collides with the pages of section "Africa" (/category/africa/page/N/): rename section "Page"`,
    ]);
  });

  it('refuses a section "Page" above any other', () => {
    expect(problemsOf(article('a', { section: '[Africa, Page, Sudan]' }))).toEqual([
      `${FILE}:5: section: section path "Africa / Page / Sudan" has the address /category/africa/page/sudan/, which collides with the pages of section "Africa" (/category/africa/page/N/): rename section "Page"`,
    ]);
  });

  it('refuses a top-level section "Page" with sections below it', () => {
    expect(problemsOf(article('a', { section: '[Page, "3"]' }))).toEqual([
      `${FILE}:5: section: section path "Page / 3" has the address /category/page/3/, which collides with the pages of every section (/category/page/N/): rename section "Page"`,
    ]);
  });
});

describe('hostile source: URLs of other schemes in source and media', () => {
  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'refuses a source of %s',
    (url) => {
      expect(problemsOf(article('a', { source: yamlString(url) }))).toEqual([
        `${FILE}:14: source: source ${JSON.stringify(url)} is not an http(s) URL`,
      ]);
    },
  );

  it.each(['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>'])(
    'refuses a media entry of %s',
    (url) => {
      const media = `\n  - src: ${yamlString(url)}\n    width: 10\n    height: 10`;
      expect(problemsOf(article('a', { media }))).toEqual([
        `${FILE}:15: media.0.src: media src ${JSON.stringify(url)} is not an http(s) URL`,
      ]);
    },
  );
});

describe('what titles, slugs and sections may hold', () => {
  it('keeps the hints a headline may carry: soft hyphen, zero-width space and joiners', () => {
    const title = 'Bundes\u00adverfassungs\u00adgericht \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0e44\u0e17\u0e22\u200b\u0e02\u0e48\u0e32\u0e27';
    expect(problemsOf(article('a', { title: yamlString(title) }))).toEqual([]);
  });

  it('reads slugs in one script a word, mixed across words', () => {
    expect(problemsOf(article('moscow-москва-2023'))).toEqual([]);
    expect(problemsOf(article('x線-検査'))).toEqual([]);
  });

  it('reads a section "Page" with none below it, and a section named "page/2"', () => {
    expect(problemsOf(article('a', { section: '[Africa, Page]' }))).toEqual([]);
    expect(problemsOf(article('a', { section: '"page/2"' }))).toEqual([]);
  });
});

describe('room for the Related list', () => {
  it('holds four summaries with every field at its longest, in four-byte characters', () => {
    const wide = (count: number) => '𝕏'.repeat(count);
    const text = article(
      'a'.repeat(LIMITS.slugBytes),
      {
        title: wide(LIMITS.titleChars),
        standfirst: wide(LIMITS.standfirstChars),
        section: `[${Array.from({ length: LIMITS.sectionDepth }, () => wide(50)).join(', ')}]`,
        image: `\n  src: photo.svg\n  alt: ${wide(LIMITS.altChars)}\n  width: 2\n  height: 1\n  caption: ${wide(LIMITS.captionChars)}\n  credit: ${wide(LIMITS.creditChars)}`,
      },
    );
    const read = readArticle(FILE, text, { local: { 'photo.svg': { width: 2, height: 1 } }, remote: {} }, '/images/');
    expect(read.problems).toEqual([]);
    expect(Buffer.byteLength(read.summaryJson ?? '') * 4).toBeLessThan(RELATED_ROOM_BYTES);
    expect(LIMITS.articleBytes + RELATED_ROOM_BYTES).toBe(MAX_BODY_BYTES);
  });
});
