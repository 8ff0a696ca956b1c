/**
 * The reader's Content-Security-Policy, and the host configurations that send it.
 *
 * Scripts, styles, images and data come from the site itself (and from the API's origin
 * when the API lives elsewhere). The only inline code is the page-start script and the
 * inlined stylesheet (decision 008), allowed by their hashes, never by 'unsafe-inline'.
 * Trusted Types are required, and the only policy that may be made vouches for the service
 * worker's URL, so no other string can ever reach a script sink (innerHTML, script text, eval). See docs/decisions/009-content-security-policy.md.
 */
import { createHash } from 'node:crypto';
import { WORKER_URL_POLICY } from '../../src/service-worker/names.ts';

export type PolicyInputs = {
  /** Inline `<script>` texts, exactly as they stand between the tags. */
  scripts: string[];
  /** Inline `<style>` texts, exactly as they stand between the tags. */
  styles: string[];
  /** The API's base URL when it is on another origin (VITE_API_BASE_URL). */
  apiBaseUrl?: string;
};

/** A CSP hash source for an inline script or style. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function apiOrigin(apiBaseUrl: string | undefined): string[] {
  if (apiBaseUrl === undefined || !/^https?:\/\//i.test(apiBaseUrl)) return [];
  return [new URL(apiBaseUrl).origin];
}

/** The policy's directives, in the order they are written. */
export function policyDirectives({ scripts, styles, apiBaseUrl }: PolicyInputs): string[] {
  const api = apiOrigin(apiBaseUrl);
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scripts.map(hashSource)].join(' '),
    ['style-src', "'self'", ...styles.map(hashSource)].join(' '),
    // data: for the inlined favicon only; images of articles come from the site or the API.
    ['img-src', "'self'", 'data:', ...api].join(' '),
    ['connect-src', "'self'", ...api].join(' '),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    // One policy, which vouches for the service worker's URL only.
    `trusted-types ${WORKER_URL_POLICY}`,
  ];
}

/** For the `<meta http-equiv>` in every page (frame-ancestors has no effect there). */
export function metaPolicy(inputs: PolicyInputs): string {
  return policyDirectives(inputs).join('; ');
}

/** For HTTP headers, which can also forbid framing. */
export function headerPolicy(inputs: PolicyInputs): string {
  return [...policyDirectives(inputs), "frame-ancestors 'none'"].join('; ');
}

/** The headers every response gets, beside the policy. */
export function securityHeaders(inputs: PolicyInputs): [string, string][] {
  return [
    ['Content-Security-Policy', headerPolicy(inputs)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
  ];
}

/** Netlify and Cloudflare Pages: `_headers` at the site's root. */
export function netlifyHeaders(inputs: PolicyInputs): string {
  const lines = securityHeaders(inputs).map(([name, value]) => `  ${name}: ${value}`);
  return `# Security headers for every path (Netlify, Cloudflare Pages). Written by the build.\n/*\n${lines.join('\n')}\n`;
}

/** Apache: `.htaccess` at the site's root (needs mod_headers and AllowOverride FileInfo). */
export function apacheHeaders(inputs: PolicyInputs): string {
  const quote = (value: string) => `"${value.replace(/"/g, '\\"')}"`;
  const lines = securityHeaders(inputs).map(
    ([name, value]) => `  Header always set ${name} ${quote(value)}`,
  );
  return [
    '# Security headers for every response (Apache). Written by the build.',
    '<IfModule mod_headers.c>',
    ...lines,
    '</IfModule>',
    '# Unknown paths get the reader\u2019s not-found page.',
    'ErrorDocument 404 /404.html',
    '',
  ].join('\n');
}

/** nginx: a file to `include` in the site's `server` block. */
export function nginxHeaders(inputs: PolicyInputs): string {
  const lines = securityHeaders(inputs).map(
    ([name, value]) => `add_header ${name} "${value}" always;`,
  );
  return [
    '# Security headers for every response (nginx). Written by the build; include it in the',
    '# server block that serves the built site:  include /path/to/dist/nginx-headers.conf;',
    ...lines,
    'error_page 404 /404.html;',
    '',
  ].join('\n');
}

/**
 * The host configurations the build writes beside the pages, by file name. Hosts read them
 * and never serve them (the preview server hides them too).
 */
export const HOST_CONFIGS: Record<string, (inputs: PolicyInputs) => string> = {
  _headers: netlifyHeaders,
  '.htaccess': apacheHeaders,
  'nginx-headers.conf': nginxHeaders,
};
