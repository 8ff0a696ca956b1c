import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netlifyHeaders, securityHeaders } from './build/content-security-policy.ts';
import {
  parseHeadersFile,
  parseRequestPath,
  startStaticServer,
  type StaticServer,
} from './serve-static.ts';

let server: StaticServer;
/** The build's own header file, as the build writes it for Netlify and Cloudflare Pages. */
const policy = { scripts: ['boot();'], styles: ['h1{color:red}'] };
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
  await writeFile(path.join(root, '_headers'), `${netlifyHeaders(policy)}/api/*\n  X-Api: yes\n`);
  // Files a careless deploy could leave in the site: none of them is for readers.
  await writeFile(path.join(root, '.htaccess'), 'Header always set X-Secret yes\n');
  await writeFile(path.join(root, 'nginx-headers.conf'), 'add_header X-Secret yes;\n');
  await mkdir(path.join(root, '.git'));
  await writeFile(path.join(root, '.git', 'config'), '[remote "origin"]\n');
  await mkdir(path.join(root, '.well-known'));
  await writeFile(
    path.join(root, '.well-known', 'security.txt'),
    'Contact: mailto:x@example.org\n',
  );
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
});

/**
 * A raw GET of `target`, written into the request line exactly as given (as an attacker
 * sends it: no client tidies the path first), so the test sees the bytes on the wire (fetch
 * would unzip them).
 */
function get(target: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request({ host: hostname, port, path: target, headers }, (response) => {
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
    const page = await get(`/an-article/`);
    // The same headers as every host file the build writes: one list, in one place.
    for (const [name, value] of securityHeaders(policy)) {
      expect(page.headers[name.toLowerCase()]).toBe(value);
    }
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['x-api']).toBeUndefined();
    const missing = await get(`/nowhere/`);
    expect(missing.status).toBe(404);
    expect(missing.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect((await get(`/api/big.json`)).headers['x-api']).toBe('yes');
    expect((await get(`/_headers`)).status).toBe(404);
  });

  it('names the line of a _headers file it cannot read', () => {
    expect(() => parseHeadersFile('  X-Orphan: yes\n')).toThrow(
      '_headers line 1: expected "  Name: value" under a path',
    );
  });

  it('gzips text for clients that take it, as a CDN does', async () => {
    const zipped = await get(`/api/big.json`, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(big.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(big);
    const plain = await get(`/api/big.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(big);
  });

  it('serves prerendered pages as files, and the site’s 404.html for missing pages', async () => {
    const page = await get(`/an-article/`);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Article</title>');
    const moved = await get(`/an-article?x=1`);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/an-article/?x=1');
    const missing = await get(`/no-such-article/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('<title>Page not found</title>');
    const api = await get(`/api/missing.json`);
    expect(api.status).toBe(404);
    expect(api.body.toString()).toBe('Not found\n');
  });
});

describe('hostile file: requests for the host files the server hides, however spelled', () => {
  it.each([
    '/_headers',
    '/%5Fheaders',
    '/%5fheaders',
    '/_HEADERS',
    '/%5F%48EADERS',
    '//_headers',
    '/./_headers',
    '/%2F_headers',
    '/_headers.',
    '/.htaccess',
    '/%2Ehtaccess',
    '/%2ehtaccess',
    '/%2E%68%74%61%63%63%65%73%73',
    '/.HTACCESS',
    '//.htaccess',
    '/nginx-headers.conf',
    '/nginx%2Dheaders.conf',
    '/NGINX-HEADERS.CONF',
    '/.git/config',
    '/%2Egit/config',
  ])('%s is not found, and nothing of the file is sent', async (target) => {
    const answer = await get(target);
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).toBe('Not found\n');
    expect(answer.headers.location).toBeUndefined();
  });

  it('still serves /.well-known/, where sites publish security.txt', async () => {
    const answer = await get('/.well-known/security.txt');
    expect(answer.status).toBe(200);
  });
});

describe('hostile file: paths that would climb out of the site or confuse it', () => {
  it.each([
    '/%2e%2e/',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/..%2f..%2fpackage.json',
    '/%2e%2E%2fserve-static.ts',
    '/an-article/../../etc/passwd',
    '/an-article/%2E%2E%2F.git/config',
    '/%5C%5Cevil.example/',
    '/\\evil.example/',
    '/a%00b/',
    '/%0d%0aSet-Cookie:%20x=1',
    '/%E0%A4%A',
    '/%ZZ',
    'http://evil.example/saved',
  ])('%s is a bad request', async (target) => {
    const answer = await get(target);
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toBe('Bad request\n');
    expect(answer.headers.location).toBeUndefined();
    // Even a refusal carries the site's headers.
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('decodes once only: %252e%252e is a name, not a way up', async () => {
    const answer = await get('/%252e%252e/%252e%252e/etc/passwd');
    expect(answer.status).toBe(404);
  });
});

describe('hostile file: paths that would send the reader to another host', () => {
  it.each([
    ['//saved', '/saved'],
    ['//saved/', '/saved/'],
    ['///evil.example/x', '/evil.example/x'],
    ['//evil.example/', '/evil.example/'],
    ['/%2F%2Fevil.example/', '/evil.example/'],
    ['/%2fevil.example', '/evil.example'],
    ['/./an-article/', '/an-article/'],
    ['//an-article?page=2', '/an-article?page=2'],
    ['//an-article', '/an-article'],
  ])('%s moves to %s on this server', async (target, location) => {
    const answer = await get(target);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(location);
  });

  it.each(['/an-article', '//an-article', '/an%2Darticle', '/./an-article'])(
    'every Location for %s, followed to the end, is a path starting with a single /',
    async (target) => {
      let next = target;
      const seen: string[] = [];
      for (let hop = 0; hop < 3; hop++) {
        const answer = await get(next);
        if (answer.status !== 301) break;
        const location = String(answer.headers.location);
        expect(location).toMatch(/^\/(?![/\\])/);
        seen.push(location);
        next = location;
      }
      expect(seen.at(-1)).toBe('/an-article/');
    },
  );
});

describe('request paths', () => {
  it('are decoded, then normalised, before any decision', () => {
    expect(parseRequestPath('//a/./b%2Fc/')).toEqual({
      segments: ['a', 'b', 'c'],
      isFolder: true,
      decoded: '/a/b/c/',
      location: '/a/b/c/',
    });
    expect(parseRequestPath('/%D8%B3%3F')?.location).toBe('/%D8%B3%3F');
    expect(parseRequestPath('/')?.decoded).toBe('/');
  });
});
