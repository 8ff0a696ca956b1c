import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ArticleSchema } from '../../src/contract/article.ts';
import type { ArticleRecord } from './article-record.ts';
import { articlePrefix } from './corpus.ts';
import { readArticleFrontMatter } from './parse-article.ts';
import { formatProblem } from './problem.ts';
import { article } from './test/fixture.ts';

const FILE = 'content/articles/a.md';

function problemsOf(text: string): string[] {
  return readArticleFrontMatter(FILE, text).problems.map(formatProblem);
}

describe('the link post and source fields', () => {
  it('reads external_url and source_name', () => {
    const { front, problems } = readArticleFrontMatter(
      FILE,
      article('a', {
        external_url: 'https://example.org/report',
        source_name: '" Premium Times "',
      }),
    );
    expect(problems).toEqual([]);
    expect(front?.meta.external_url).toBe('https://example.org/report');
    expect(front?.meta.source_name).toBe('Premium Times');
  });

  it('leaves both out when they are not written', () => {
    const { front } = readArticleFrontMatter(FILE, article('a'));
    expect(front?.meta.external_url).toBeUndefined();
    expect(front?.meta.source_name).toBeUndefined();
  });

  it('rejects an external_url that is not an http(s) URL, naming its line', () => {
    expect(problemsOf(article('a', { external_url: 'javascript:alert(1)' }))).toEqual([
      `${FILE}:14: external_url: external_url "javascript:alert(1)" is not an http(s) URL`,
    ]);
    expect(problemsOf(article('a', { external_url: 'example.org/report' }))).toEqual([
      `${FILE}:14: external_url: external_url "example.org/report" is not an http(s) URL`,
    ]);
    expect(problemsOf(article('a', { external_url: '[https://example.org]' }))).toEqual([
      `${FILE}:14: external_url: external_url must be a URL`,
    ]);
  });

  it('rejects an empty source_name, and one that is not text', () => {
    expect(problemsOf(article('a', { source_name: '""' }))).toEqual([
      `${FILE}:14: source_name: empty source_name: name the site, or leave the line out`,
    ]);
    expect(problemsOf(article('a', { source_name: '[A, B]' }))).toEqual([
      `${FILE}:14: source_name: source_name must be text`,
    ]);
  });

  it('writes them into the article JSON as externalUrl and sourceName', () => {
    const record = {
      tags: [],
      authors: [],
      isSample: false,
      source: 'https://example.org/a',
      externalUrl: 'https://example.org/report',
      sourceName: 'Premium Times',
    } as unknown as ArticleRecord;
    const summary = JSON.stringify({
      slug: 'a',
      title: 'A',
      standfirst: '',
      section: { name: 'News', slug: 'news' },
      published: '2023-08-09T19:03:00+01:00',
      modified: '2023-08-09T19:03:00+01:00',
    });
    const json: unknown = JSON.parse(`${articlePrefix(record, summary)}[],"related":[]}`);
    const parsed = v.parse(ArticleSchema, json);
    expect(parsed.externalUrl).toBe('https://example.org/report');
    expect(parsed.sourceName).toBe('Premium Times');
  });
});
