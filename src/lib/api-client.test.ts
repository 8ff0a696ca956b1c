import * as v from 'valibot';
import { describe, expect, inject, it, vi } from 'vitest';
import { ArticlePageSchema } from '../contract/article.ts';
import { ApiError, getJson, NotFoundError } from './api-client.ts';

describe('getJson against a real server', () => {
  it('returns validated data', async () => {
    const page = await getJson('latest/1.json', ArticlePageSchema);
    expect(page.page).toBe(1);
    expect(page.articles.length).toBeGreaterThan(0);
  });

  it('throws NotFoundError for a 404', async () => {
    await expect(getJson('articles/no-such-article.json', v.unknown())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('treats a host’s index.html fallback as not found', async () => {
    await expect(getJson('../broken/index.html.json', v.unknown())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('reports a server error with its status and URL', async () => {
    const error: unknown = await getJson('../broken/500.json', v.unknown()).catch(
      (e: unknown) => e,
    );
    if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
    expect(error.status).toBe(500);
    expect(error.message).toMatch(
      /^HTTP 500: http:\/\/127\.0\.0\.1:\d+\/api\/\.\.\/broken\/500\.json$/,
    );
  });

  it('reports a body that is not JSON', async () => {
    await expect(getJson('../broken/not-json.json', v.unknown())).rejects.toThrow(
      /^Response is not JSON: /,
    );
  });

  it('names where data breaks the contract', async () => {
    await expect(getJson('../broken/wrong-shape.json', ArticlePageSchema)).rejects.toThrow(
      /^Unexpected data at pageCount/,
    );
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubEnv('VITE_API_BASE_URL', 'http://127.0.0.1:9/api/');
    try {
      await expect(getJson('latest/1.json', v.unknown())).rejects.toThrow(
        /^Network error: http:\/\/127\.0\.0\.1:9\/api\/latest\/1\.json$/,
      );
    } finally {
      vi.stubEnv('VITE_API_BASE_URL', inject('apiBaseUrl'));
    }
  });
});
