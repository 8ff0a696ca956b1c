/**
 * A small static file server for the production bundle, with no dependencies:
 *
 *   node scripts/serve-static.ts dist [--port 4173] [--host 127.0.0.1] [--rewrite]
 *
 * By default it is a plain file server, as the simplest host is: every page of the reader is
 * a prerendered file (`/{slug}/` is `{slug}/index.html`), and a missing page is answered
 * with the site's `404.html` (status 404). `--rewrite` adds the rule a single-page app
 * without prerendering needs: a missing path with no file extension, outside `/api/`, is
 * answered with `index.html`. A missing `/api/...` file is always a plain 404, so the app
 * sees "not found" instead of HTML.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import {
  FORMER_SITE_HOST_FILES,
  SERVER_CONFIGS,
  SITE_HOST_CONFIGS,
} from './build/content-security-policy.ts';
import { cacheControlFor, REVALIDATE } from './build/cache-control.ts';

export type StaticServerOptions = {
  /** The directory to serve, usually `dist`. */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Answer missing extension-less paths outside `/api/` with `index.html` (default false). */
  rewrite?: boolean;
};

export type StaticServer = {
  /** The server's base URL, ending in `/`. */
  url: string;
  close: () => Promise<void>;
};

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type Resolved = { file: string; size: number; mtimeMs: number };

async function fileAt(file: string): Promise<Resolved | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? { file, size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** A request's path as the server decides on it: percent-decoded, then normalised. */
export type RequestPath = {
  /** The path's names, decoded; no empty, `.` or `..` names. */
  segments: string[];
  /** Ends in `/` (a folder's index), or names the root. */
  isFolder: boolean;
  /** The decoded path spelled canonically: one `/` between names, no `.` names. */
  decoded: string;
  /** The canonical path for a Location header: a single leading `/`, every name encoded. */
  location: string;
};

/**
 * Decodes a request's path once and normalises it as nginx does (`//` and `/./` collapse), so
 * that what the server hides and serves is decided on the names a file system sees. `null`
 * for a path that is malformed or could leave the root: bad percent-encoding, `..` (encoded
 * or not), backslashes (browsers read `/\` as `//`), NUL and other control characters.
 */
export function parseRequestPath(rawPath: string): RequestPath | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (!decoded.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(decoded)) return null;
  const names = decoded.split('/');
  const segments = names.filter((name) => name !== '' && name !== '.');
  if (segments.includes('..')) return null;
  const last = names.at(-1);
  const isFolder = segments.length === 0 || last === '' || last === '.';
  const tail = isFolder && segments.length > 0 ? '/' : '';
  return {
    segments,
    isFolder,
    decoded: `/${segments.join('/')}${tail}`,
    location: `/${segments.map(encodeURIComponent).join('/')}${tail}`,
  };
}

function send(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  });
  response.end(response.req.method === 'HEAD' ? undefined : text);
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  resolved: Resolved,
  cacheControl: string,
  status = 200,
): Promise<void> {
  const etag = `W/"${resolved.size.toString(16)}-${Math.floor(resolved.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': contentTypeFor(resolved.file),
    'cache-control': cacheControl,
    etag,
    'last-modified': new Date(resolved.mtimeMs).toUTCString(),
    'x-content-type-options': 'nosniff',
  };
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  // Compressed as every CDN does: text gzipped on the fly, when the client takes it.
  const gzip =
    resolved.size > 1024 &&
    COMPRESSIBLE.test(headers['content-type']) &&
    /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  response.writeHead(
    status,
    gzip
      ? { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }
      : { ...headers, 'content-length': String(resolved.size) },
  );
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  if (gzip) await pipeline(createReadStream(resolved.file), createGzip(), response);
  else await pipeline(createReadStream(resolved.file), response);
}

/** A rule of a Netlify-style `_headers` file: a path pattern and the headers it adds. */
type HeaderRule = { pattern: string; headers: [string, string][] };

/**
 * The `_headers` file at the root, as Netlify and Cloudflare Pages read it: a path pattern
 * (exact, or ending in `*`) on its own line, then its headers indented as `Name: value`.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (header === null || rule === undefined) {
      throw new Error(`_headers line ${index + 1}: expected "  Name: value" under a path`);
    }
    rule.headers.push([header[1] ?? '', (header[2] ?? '').trim()]);
  });
  return rules;
}

function matches(pattern: string, urlPath: string): boolean {
  return pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : pattern === urlPath;
}

/**
 * Names at the site's root that a host reads and never serves, compared as a case-insensitive
 * file system (or Windows, which drops trailing dots and spaces) would see them: the host
 * configurations, including those earlier builds put in the site.
 */
const HOST_FILES = new Set(
  [
    ...Object.keys(SITE_HOST_CONFIGS),
    ...Object.keys(SERVER_CONFIGS),
    ...FORMER_SITE_HOST_FILES,
  ].map((name) => name.toLowerCase()),
);

/** Host files, and dot files anywhere (`.htaccess`, `.git/`), except `/.well-known/`. */
export function isHidden({ segments }: RequestPath): boolean {
  const first = segments[0]?.toLowerCase().replace(/[. ]+$/, '');
  if (segments.length === 1 && first !== undefined && HOST_FILES.has(first)) return true;
  return segments.some(
    (name, index) => name.startsWith('.') && !(index === 0 && name === '.well-known'),
  );
}

function createHandler(root: string, rewrite: boolean, headerRules: HeaderRule[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Only the path matters; the query string (`?page=2`) is the app's business.
    const rawPath = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const search = request.url?.slice(rawPath.length) ?? '';
    const parsed = parseRequestPath(rawPath);
    // A path it refuses still gets the headers every path gets.
    const urlPath = parsed?.decoded ?? '/';
    for (const rule of headerRules) {
      if (!matches(rule.pattern, urlPath)) continue;
      for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (parsed === null) {
      send(response, 400, 'Bad request\n');
      return;
    }
    if (isHidden(parsed)) {
      send(response, 404, 'Not found\n');
      return;
    }
    // `//saved` or `/./saved`: one page, one address. The Location is always a path on this
    // server, starting with a single `/` (never `//host`, which a browser reads as a host).
    if (decodeURIComponent(rawPath) !== parsed.decoded) {
      send(response, 301, 'Moved permanently\n', { location: `${parsed.location}${search}` });
      return;
    }
    const file = path.join(root, ...parsed.segments);

    let resolved: Resolved | undefined;
    if (parsed.isFolder) {
      resolved = await fileAt(path.join(file, 'index.html'));
    } else {
      resolved = await fileAt(file);
      if (
        resolved === undefined &&
        (await isDirectory(file)) &&
        (await fileAt(path.join(file, 'index.html')))
      ) {
        send(response, 301, 'Moved permanently\n', { location: `${parsed.location}/${search}` });
        return;
      }
    }
    if (resolved !== undefined) {
      await sendFile(request, response, resolved, cacheControlFor(urlPath));
      return;
    }

    const isAppRoute =
      path.posix.extname(urlPath) === '' && !urlPath.startsWith('/api/') && urlPath !== '/api';
    const index = rewrite && isAppRoute ? await fileAt(path.join(root, 'index.html')) : undefined;
    if (index !== undefined) {
      await sendFile(request, response, index, REVALIDATE);
      return;
    }
    // As static hosts do (GitHub Pages, Netlify, Cloudflare Pages): the site's own 404.html.
    const notFound = isAppRoute ? await fileAt(path.join(root, '404.html')) : undefined;
    if (notFound !== undefined) {
      await sendFile(request, response, notFound, REVALIDATE, 404);
      return;
    }
    send(response, 404, 'Not found\n');
  };
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/`;
}

/** Starts the server; resolves once it listens. */
export async function startStaticServer({
  root,
  port = DEFAULT_PORT,
  host = DEFAULT_HOST,
  rewrite = false,
}: StaticServerOptions): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  if (!(await isDirectory(absoluteRoot))) throw new Error(`No such directory: ${absoluteRoot}`);

  // The security headers the build wrote for static hosts, sent as those hosts send them.
  const headersFile = await readFile(path.join(absoluteRoot, '_headers'), 'utf8').catch(() => '');
  const handle = createHandler(absoluteRoot, rewrite, parseHeadersFile(headersFile));
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A client that goes away mid-response is routine; anything else is worth a line.
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== 'ERR_STREAM_PREMATURE_CLOSE' && code !== 'ECONNRESET') console.error(error);
      if (!response.headersSent) send(response, 500, 'Internal server error\n');
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const url = formatUrl(server.address() as AddressInfo);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      rewrite: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const usage =
    'usage: node scripts/serve-static.ts <dir> [--port N] [--host 127.0.0.1] [--rewrite]';
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (positionals.length > 1 || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const root = positionals[0] ?? 'dist';
  const server = await startStaticServer({
    root,
    port,
    host: values.host ?? DEFAULT_HOST,
    rewrite: values.rewrite,
  });
  console.log(`Serving ${root} at ${server.url}`);

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
