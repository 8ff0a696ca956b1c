import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMIT_BYTES, httpGet, type HttpOptions } from './http.ts';

// Real servers, real parsing and, for some, tens of megabytes: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const QUICK: HttpOptions = { timeoutMs: 5_000, attempts: 1, retryDelayMs: 1 };

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server whose answers `handle` writes; returns its origin. */
async function serve(handle: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handle);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('hostile source: an endless answer to a caller that set no cap', () => {
  it('is stopped at the default cap, which every read has', async () => {
    let sent = 0;
    const origin = await serve((_request, response) => {
      const chunk = Buffer.alloc(256 * 1024);
      let gone = false;
      response.on('close', () => (gone = true));
      const pump = () => {
        while (!gone && sent < 1024 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    await expect(httpGet(`${origin}/endless`, QUICK)).rejects.toThrow(
      `GET ${origin}/endless: larger than 64 MB; stopped reading there`,
    );
    expect(sent).toBeLessThan(DEFAULT_LIMIT_BYTES + 16 * 1024 * 1024);
  });
});

describe('redirects', () => {
  it('are followed by hand, each hop shown to the guard first', async () => {
    const origin = await serve((request, response) => {
      if (request.url === '/end') return void response.end('done');
      response.writeHead(302, { location: request.url === '/a' ? '/b' : '/end' }).end();
    });
    const hops: string[] = [];
    const result = await httpGet(`${origin}/a`, {
      ...QUICK,
      guard: (url, from) => {
        hops.push(`${from?.pathname ?? '-'} -> ${url.pathname}`);
        return Promise.resolve(undefined);
      },
    });
    expect(new TextDecoder().decode(result.body)).toBe('done');
    expect(result.url).toBe(`${origin}/end`);
    expect(hops).toEqual(['- -> /a', '/a -> /b', '/b -> /end']);
  });

  it('a hop the guard refuses is not requested', async () => {
    const asked: string[] = [];
    const origin = await serve((request, response) => {
      asked.push(request.url ?? '');
      response.writeHead(302, { location: '/secret' }).end();
    });
    await expect(
      httpGet(`${origin}/a`, {
        ...QUICK,
        guard: (url) => Promise.resolve(url.pathname === '/secret' ? 'not there' : undefined),
      }),
    ).rejects.toThrow(`GET ${origin}/a: redirected to ${origin}/secret: not there`);
    expect(asked).toEqual(['/a']);
  });
});
