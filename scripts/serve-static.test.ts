import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, startStaticServer, type StaticServer } from './serve-static.ts';

let server: StaticServer;
const big = JSON.stringify({ words: 'ceasefire '.repeat(500) });

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'reader-static-'));
  await mkdir(path.join(root, 'api'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Reader</title>');
  await mkdir(path.join(root, 'an-article'), { recursive: true });
  await writeFile(
    path.join(root, 'an-article', 'index.html'),
    '<!doctype html><title>Article</title>',
  );
  await writeFile(path.join(root, '404.html'), '<!doctype html><title>Page not found</title>');
  await writeFile(path.join(root, 'api', 'big.json'), big);
  await writeFile(
    path.join(root, '_headers'),
    "# The build's headers\n/*\n  Content-Security-Policy: default-src 'self'\n/api/*\n  X-Api: yes\n",
  );
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
});

/** A raw GET, so the test sees the bytes on the wire (fetch would unzip them). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          });
        });
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('the static server', () => {
  it('sends the headers of the site’s _headers file, as Netlify does, and never the file', async () => {
    const page = await get(`${server.url}an-article/`);
    expect(page.headers['content-security-policy']).toBe("default-src 'self'");
    expect(page.headers['x-api']).toBeUndefined();
    const missing = await get(`${server.url}nowhere/`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe("default-src 'self'");
    expect((await get(`${server.url}api/big.json`)).headers['x-api']).toBe('yes');
    expect((await get(`${server.url}_headers`)).status).toBe(404);
  });

  it('names the line of a _headers file it cannot read', () => {
    expect(() => parseHeadersFile('  X-Orphan: yes\n')).toThrow(
      '_headers line 1: expected "  Name: value" under a path',
    );
  });

  it('gzips text for clients that take it, as a CDN does', async () => {
    const zipped = await get(`${server.url}api/big.json`, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(big.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(big);
    const plain = await get(`${server.url}api/big.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(big);
  });

  it('serves prerendered pages as files, and the site’s 404.html for missing pages', async () => {
    const page = await get(`${server.url}an-article/`);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Article</title>');
    const moved = await get(`${server.url}an-article?x=1`);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/an-article/?x=1');
    const missing = await get(`${server.url}no-such-article/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('<title>Page not found</title>');
    const api = await get(`${server.url}api/missing.json`);
    expect(api.status).toBe(404);
    expect(api.body.toString()).toBe('Not found\n');
  });
});
