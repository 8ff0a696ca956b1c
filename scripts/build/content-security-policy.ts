/**
 * The reader's Content-Security-Policy, and the host configurations that send it.
 *
 * Scripts, styles, images and data come from the site itself (and from the API's origin
 * when the API lives elsewhere). The only inline code is the page-start script and the
 * inlined stylesheet (decision 008), allowed by their hashes, never by 'unsafe-inline'.
 * Trusted Types are required, and the only policy that may be made vouches for the service
 * worker's URL, so no other string can ever reach a script sink (innerHTML, script text, eval). See docs/decisions/009-content-security-policy.md.
 *
 * The host configurations that send these headers are written where each host reads them and
 * no host serves them: `_headers` in the site (Netlify and Cloudflare Pages consume it), the
 * nginx and Apache files beside the site, in `<outDir>-host/`, for the server's own
 * configuration. See docs/decisions/016-host-headers.md.
 */
import { createHash } from 'node:crypto';
import { WORKER_URL_POLICY } from '../../src/service-worker/names.ts';
import { IMMUTABLE, IMMUTABLE_FOLDERS, IMMUTABLE_PATH, REVALIDATE } from './cache-control.ts';

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
    // No data: images: the favicon is a file of the site's own (decision 016), and a data:
    // image in an article, a feed or a saved-articles file is refused by the browser too.
    ['img-src', "'self'", ...api].join(' '),
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

/**
 * What the reader never uses, turned off for the page and anything it might embed: sensors,
 * devices, payment, and the advertising and tracking APIs. Sharing (Web Share, the clipboard's
 * write) keeps its default, this origin only. Only names Chromium knows: it warns in the
 * console of every page about the others.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'attribution-reporting',
  'autoplay',
  'browsing-topics',
  'camera',
  'clipboard-read',
  'display-capture',
  'encrypted-media',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'interest-cohort',
  'join-ad-interest-group',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'run-ad-auction',
  'screen-wake-lock',
  'serial',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** One year, for this host and its subdomains. Browsers heed it over https only. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** The headers every response gets, beside the policy: one list for every host. */
export function securityHeaders(inputs: PolicyInputs): [string, string][] {
  return [
    ['Content-Security-Policy', headerPolicy(inputs)],
    ['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    // A page the reader opens cannot reach back into the reader's window (window.opener).
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
  ];
}

/** Netlify and Cloudflare Pages: `_headers` at the site's root, which they read and never serve. */
export function netlifyHeaders(inputs: PolicyInputs): string {
  const lines = securityHeaders(inputs).map(([name, value]) => `  ${name}: ${value}`);
  // Both hosts join the values of a header that two matching rules set, so Cache-Control is
  // set only where it differs from their own default (public, max-age=0, must-revalidate).
  const immutable = IMMUTABLE_FOLDERS.map(
    (folder) => `/${folder}/*\n  Cache-Control: ${IMMUTABLE}`,
  );
  return `# Security headers for every path (Netlify, Cloudflare Pages). Written by the build.\n/*\n${lines.join('\n')}\n\n# Files whose name changes with their bytes (decision 024).\n${immutable.join('\n')}\n`;
}

/** Where the example configurations expect the site: `dist/` and `dist-host/` in here. */
export const EXAMPLE_DEPLOY_DIR = '/srv/reader';

const HTTPS_ONLY =
  'Strict-Transport-Security takes effect only over https (browsers ignore it over http).';

/**
 * Apache 2.4: for the server configuration (`Include` it in the `<VirtualHost>` that serves
 * the site) or, where only `.htaccess` is allowed, copied to the site's root as `.htaccess`
 * (needs `AllowOverride FileInfo`). Without mod_headers it refuses to serve rather than serve
 * the site without its headers.
 */
export function apacheHeaders(inputs: PolicyInputs): string {
  const quote = (value: string) => `"${value.replace(/"/g, '\\"')}"`;
  const lines = securityHeaders(inputs).map(
    ([name, value]) => `Header always set ${name} ${quote(value)}`,
  );
  return [
    "# The news reader's security headers (Apache 2.4). Written by the build, with this build's",
    '# hashes: deploy it with the pages it came from. Use it in one of two ways:',
    `#   - in the server configuration: Include ${EXAMPLE_DEPLOY_DIR}/dist-host/apache-headers.conf`,
    '#     inside the <VirtualHost> that serves dist/;',
    '#   - where only .htaccess files are allowed: copy it to dist/.htaccess (needs',
    '#     AllowOverride FileInfo; Apache never serves .ht* files).',
    `# ${HTTPS_ONLY}`,
    '',
    '# Without mod_headers the site would be served without any of these headers, silently.',
    '# Refuse instead: Apache will not start with this file in its configuration, and answers',
    '# 500 with this message in its error log for a .htaccess file. Fix: a2enmod headers.',
    '<IfModule !mod_headers.c>',
    '  Error "news reader: the security headers need mod_headers (a2enmod headers)"',
    '</IfModule>',
    ...lines,
    '# Browsers revalidate everything but the files whose name changes with their bytes',
    '# (decision 024); a set in an <If> section wins, since those are merged last.',
    `Header always set Cache-Control "${REVALIDATE}"`,
    `<If "%{REQUEST_URI} =~ m#${IMMUTABLE_PATH.source}#">`,
    `  Header always set Cache-Control "${IMMUTABLE}"`,
    '</If>',
    '# Unknown paths get the reader\u2019s not-found page.',
    'ErrorDocument 404 /404.html',
    '# The header file for Netlify and Cloudflare Pages is no page of the site.',
    '<IfModule mod_alias.c>',
    '  RedirectMatch 404 ^/_headers$',
    '</IfModule>',
    '',
  ].join('\n');
}

/**
 * nginx: the headers, to `include` in the `server` block and again in every `location` that
 * has an `add_header` of its own (nginx then drops every inherited one).
 */
export function nginxHeaders(inputs: PolicyInputs): string {
  const lines = securityHeaders(inputs).map(
    ([name, value]) => `add_header ${name} "${value}" always;`,
  );
  return [
    "# The news reader's security headers (nginx). Written by the build, with this build's",
    '# hashes: deploy it with the pages it came from.',
    '# Include it in the server block that serves dist/ AND in every location block that has',
    '# an add_header of its own: nginx drops all inherited add_header directives in such a',
    '# block, so its responses would go out without these. nginx-site.conf beside this file is',
    '# a complete server block that does so.',
    `# ${HTTPS_ONLY}`,
    ...lines,
    '',
  ].join('\n');
}

/** nginx: a complete example server block, serving the site with the headers everywhere. */
export function nginxSite(): string {
  const include = `include ${EXAMPLE_DEPLOY_DIR}/dist-host/nginx-headers.conf;`;
  return [
    '# An example nginx server block for the news reader. Written by the build. Set root and',
    `# the includes to where dist/ and dist-host/ are deployed (here ${EXAMPLE_DEPLOY_DIR}), and`,
    '# serve it over https, where Strict-Transport-Security takes effect.',
    'server {',
    '    listen 80;',
    '    server_name _;',
    `    root ${EXAMPLE_DEPLOY_DIR}/dist;`,
    '    # Redirects name a path only (/an-article/), never this server\u2019s own idea of its host.',
    '    absolute_redirect off;',
    `    ${include}`,
    '    error_page 404 /404.html;',
    '',
    '    # Browsers revalidate every page, JSON file, feed and photo (decision 024).',
    `    add_header Cache-Control "${REVALIDATE}" always;`,
    '',
    '    # Names that change with their bytes (Vite\u2019s assets, photos named by their hash)',
    '    # never change. A block with an add_header of its own must include the headers again.',
    ...IMMUTABLE_FOLDERS.flatMap((folder) => [
      `    location /${folder}/ {`,
      `        ${include}`,
      `        add_header Cache-Control "${IMMUTABLE}" always;`,
      '    }',
    ]),
    '',
    '    # The header file for Netlify and Cloudflare Pages, and any dot file, are not pages.',
    '    location = /_headers {',
    '        return 404;',
    '    }',
    '    location ~ /\\.(?!well-known/) {',
    '        return 404;',
    '    }',
    '}',
    '',
  ].join('\n');
}

/** Host configuration read from the site's own root by the host, which never serves it. */
export const SITE_HOST_CONFIGS: Record<string, (inputs: PolicyInputs) => string> = {
  _headers: netlifyHeaders,
};

/**
 * Server configuration, written beside the site (`dist-host/` next to `dist/`), never into
 * it: a plain nginx serves every file of its root, `.htaccess` and `*.conf` included.
 */
export const SERVER_CONFIGS: Record<string, (inputs: PolicyInputs) => string> = {
  'nginx-headers.conf': nginxHeaders,
  'nginx-site.conf': nginxSite,
  'apache-headers.conf': apacheHeaders,
};

/** Host files earlier builds wrote into the site, removed from it by the build. */
export const FORMER_SITE_HOST_FILES = ['.htaccess', 'nginx-headers.conf'];

/** The folder beside the site that holds SERVER_CONFIGS: `dist` → `dist-host`. */
export function serverConfigDir(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}-host`;
}
