/**
 * A real HTTP server on 127.0.0.1 (random port) for the importer tests: no fetch mocking,
 * so timeouts, status codes, headers and retries are exercised as they happen in the field.
 * Tests swap `route` between runs to inject faults, and read `requests` to see what was asked.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply =
  | { status: number; headers?: Record<string, string>; body: string | Uint8Array }
  /** Accept the request and never answer. */
  | 'hang';

/** Answers a request (path and query in `url`); undefined is a 404. */
export type Route = (url: URL) => Reply | undefined;

export type TestServer = {
  origin: string;
  route: Route;
  /** Path and query of every request, in order. */
  requests: string[];
  /** The headers of every request, in the same order. */
  headers: IncomingHttpHeaders[];
  close: () => Promise<void>;
};

export async function startServer(route: Route): Promise<TestServer> {
  const requests: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    requests.push(`${url.pathname}${url.search}`);
    headers.push(request.headers);
    const reply = state.route(url) ?? { status: 404, body: 'not found' };
    if (reply === 'hang') return;
    response.writeHead(reply.status, reply.headers);
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    route,
    requests,
    headers,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

export function json(body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  };
}
