/**
 * Property tests: every validator the app reads data through, fed generated and mutated
 * payloads (fast-check). Whatever arrives, `readJson` returns data the contract accepts or
 * throws an ApiError naming the source, the error the views show; never anything else.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hydrate, QueryClient } from '@tanstack/react-query';
import { PageStateSchema, type PageState } from '../app/prerender/page-state.ts';
import {
  apiPaths,
  ArchiveFrontSchema,
  ArchivePageSchema,
  ArticlePageSchema,
  ArticleSchema,
  ListFrontSchema,
  SectionMenuSchema,
} from '../contract/article.ts';
import {
  DocsFileSchema,
  SearchManifestSchema,
  searchApiPath,
  searchIndexPaths,
  TermFileSchema,
} from '../contract/search-index.ts';
import { ApiError, readJson } from './api-client.ts';

/** Payloads per validator and kind of payload: 11 validators x 3 kinds x 850 = 28,050. */
const RUNS = 850;

type Validator = {
  name: string;
  schema: v.GenericSchema;
  path?: string;
  sample?: unknown;
  /** What the app then does with accepted data, which must not throw either. */
  use?: (output: unknown) => void;
};

const validators: Validator[] = [
  {
    name: 'article',
    schema: ArticleSchema,
    path: apiPaths.article(
      '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs',
    ),
  },
  {
    // Its body holds every kind of block with nested content: tables and embed cards.
    name: 'article with tables and embeds',
    schema: ArticleSchema,
    path: apiPaths.article(
      '20230725-mini-grid-tariffs-vary-fivefold-across-the-region-survey-shows',
    ),
  },
  { name: 'latest page', schema: ArticlePageSchema, path: apiPaths.latest(1) },
  { name: 'latest front', schema: ListFrontSchema, path: apiPaths.latestFront() },
  { name: 'archive page', schema: ArchivePageSchema, path: apiPaths.archive('tag', 'uk', 1) },
  { name: 'archive front', schema: ArchiveFrontSchema, path: apiPaths.archiveFront('tag', 'uk') },
  { name: 'section menu', schema: SectionMenuSchema, path: apiPaths.sectionMenu() },
  {
    name: 'search manifest',
    schema: SearchManifestSchema,
    path: searchApiPath(searchIndexPaths.manifest()),
  },
  {
    name: 'search terms',
    schema: TermFileSchema,
    path: searchApiPath(searchIndexPaths.terms('bi')),
  },
  { name: 'search docs', schema: DocsFileSchema, path: searchApiPath(searchIndexPaths.docs(0)) },
  {
    name: 'page state',
    schema: PageStateSchema,
    sample: {
      mode: 'hydrate',
      path: '/a/',
      queries: {
        queries: [
          {
            queryHash: '["articles","detail","a"]',
            queryKey: ['articles', 'detail', 'a'],
            state: { status: 'success', data: { title: 'A' }, dataUpdatedAt: 1 },
          },
        ],
        mutations: [],
      },
      loaderData: { root: null },
    },
    use: (output) => {
      hydrate(new QueryClient(), (output as PageState).queries);
    },
  },
];

beforeAll(async () => {
  // Real payloads from the test API (built from content/ by the global setup) to mutate.
  for (const validator of validators) {
    if (validator.path === undefined) continue;
    const response = await fetch(`${inject('apiBaseUrl')}${validator.path}`);
    expect(response.status, validator.path).toBe(200);
    validator.sample = await response.json();
    expect(v.is(validator.schema, validator.sample), `${validator.path} is valid`).toBe(true);
  }
});

const tally = { payloads: 0, accepted: 0, rejected: 0 };

afterAll(() => {
  console.log(
    `property tests: ${tally.payloads} payloads through ${validators.length} validators: ${tally.accepted} accepted, ${tally.rejected} rejected as ApiError, 0 other errors`,
  );
});

/** Reads `text` and checks the one allowed outcome: valid data, or an ApiError. */
function check(validator: Validator, text: string): void {
  tally.payloads++;
  const source = `test:${validator.name}`;
  let output: unknown;
  try {
    output = readJson(source, text, validator.schema);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(error.url).toBe(source);
    expect(error.message).toMatch(
      /^(Response is not JSON|Unexpected data[\s\S]* \([\s\S]+\)): test:/,
    );
    tally.rejected++;
    return;
  }
  expect(v.is(validator.schema, output)).toBe(true);
  validator.use?.(output);
  tally.accepted++;
}

/** A JSON value with one part changed: a key gone or added, a value replaced or retyped. */
function mutate(value: unknown, choices: number[], replacement: unknown): unknown {
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    if (copy.length === 0 || choice % 7 === 0)
      return choice % 2 ? replacement : [...copy, replacement];
    const index = choice % copy.length;
    if (choice % 5 === 0) copy.splice(index, 1);
    else copy[index] = mutate(copy[index], rest, replacement);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0 || choice % 7 === 0) return { ...value, [`extra${choice}`]: replacement };
    const key = keys[choice % keys.length] ?? '';
    const entries = Object.entries(value);
    return Object.fromEntries(
      choice % 5 === 0
        ? entries.filter(([name]) => name !== key)
        : entries.map(([name, field]) => [
            name,
            name === key ? mutate(field, rest, replacement) : field,
          ]),
    );
  }
  // A leaf: replaced by anything, or by the same value as another type.
  const retyped = [String(value), Number(value), value === null, [value], { value }];
  return choice % 2 ? replacement : retyped[choice % retyped.length];
}

describe.each(validators)('the $name validator', (validator) => {
  it('takes any JSON value and returns valid data or an ApiError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        check(validator, JSON.stringify(value) ?? 'null');
      }),
      { numRuns: RUNS },
    );
  });

  it('takes a real payload with one part changed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.jsonValue({ maxDepth: 2 }),
        (choices, replacement) => {
          check(validator, JSON.stringify(mutate(validator.sample, choices, replacement)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('takes a real payload cut short or with bytes changed', () => {
    const text = JSON.stringify(validator.sample);
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.string({ maxLength: 8 }),
        fc.boolean(),
        (at, inserted, cut) => {
          check(validator, cut ? text.slice(0, at) : text.slice(0, at) + inserted + text.slice(at));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
