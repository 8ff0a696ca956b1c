import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  apacheHeaders,
  hashSource,
  headerPolicy,
  netlifyHeaders,
  nginxHeaders,
  nginxSite,
  securityHeaders,
  serverConfigDir,
} from './content-security-policy.ts';

const inputs = { scripts: ['\nboot();\n'], styles: ['h1{color:red}'] };

describe('content security policy', () => {
  it('hashes an inline text as the browser does: SHA-256 of its UTF-8, in base64', () => {
    const expected = createHash('sha256').update('\nboot();\n').digest('base64');
    expect(hashSource('\nboot();\n')).toBe(`'sha256-${expected}'`);
  });

  it('sends every directive, framing forbidden, and nothing unsafe', () => {
    const policy = headerPolicy(inputs);
    expect(policy.split('; ')).toEqual([
      "default-src 'self'",
      `script-src 'self' ${hashSource('\nboot();\n')}`,
      `style-src 'self' ${hashSource('h1{color:red}')}`,
      "img-src 'self'",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types reader-service-worker',
      "frame-ancestors 'none'",
    ]);
    expect(policy).not.toMatch(/unsafe/);
  });

  it('writes the same headers for Netlify and Cloudflare Pages, Apache and nginx', () => {
    const policy = headerPolicy(inputs);
    expect(netlifyHeaders(inputs)).toContain(`/*\n  Content-Security-Policy: ${policy}\n`);
    expect(apacheHeaders(inputs)).toContain(
      `\nHeader always set Content-Security-Policy "${policy}"\n`,
    );
    expect(nginxHeaders(inputs)).toContain(
      `add_header Content-Security-Policy "${policy}" always;`,
    );
    for (const [name, value] of securityHeaders(inputs)) {
      expect(netlifyHeaders(inputs)).toContain(`  ${name}: ${value}\n`);
      expect(apacheHeaders(inputs)).toContain(`Header always set ${name} "${value}"\n`);
      expect(nginxHeaders(inputs)).toContain(`add_header ${name} "${value}" always;\n`);
    }
  });

  it('gives Netlify and Cloudflare Pages one Cache-Control per path: those hosts join two', () => {
    const rules = netlifyHeaders(inputs).split(/\n(?=\/)/);
    const caching = rules.filter((rule) => rule.includes('Cache-Control'));
    expect(caching.map((rule) => rule.split('\n')[0])).toEqual(['/assets/*', '/images/remote/*']);
    for (const rule of caching) {
      expect(rule).toContain('Cache-Control: public, max-age=31536000, immutable');
    }
    // The rule for every path leaves Cache-Control to the host's default, which revalidates.
    expect(rules.find((rule) => rule.startsWith('/*\n'))).not.toContain('Cache-Control');
  });

  it('allows images from the site only (and the API), never data: URLs', () => {
    expect(headerPolicy(inputs)).toContain("img-src 'self';");
    expect(headerPolicy({ ...inputs, apiBaseUrl: 'https://cdn.example.org/api/' })).toContain(
      "img-src 'self' https://cdn.example.org;",
    );
    expect(headerPolicy(inputs)).not.toContain('data:');
  });

  it('asks for https for a year, keeps other pages out of the window, turns off what it never uses', () => {
    const headers = new Map(securityHeaders(inputs));
    expect(headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    const permissions = headers.get('Permissions-Policy')?.split(', ') ?? [];
    for (const feature of [
      'camera',
      'microphone',
      'geolocation',
      'payment',
      'usb',
      'interest-cohort',
      'browsing-topics',
    ]) {
      expect(permissions).toContain(`${feature}=()`);
    }
    // Sharing an article stays possible: the share button uses Web Share, or the clipboard.
    expect(permissions.join()).not.toMatch(/web-share|clipboard-write/);
  });

  it('tells nginx to include the headers in every location with an add_header of its own', () => {
    expect(nginxHeaders(inputs)).toContain(
      '# Include it in the server block that serves dist/ AND in every location block that has\n# an add_header of its own',
    );
    const site = nginxSite();
    const include = 'include /srv/reader/dist-host/nginx-headers.conf;';
    // Once for the server, once in each location with its own add_header.
    expect(site.split(include)).toHaveLength(4);
    expect(site).toMatch(/location \/assets\/ \{\n\s+include [^\n]+\n\s+add_header Cache-Control/);
    expect(site).toMatch(
      /location \/images\/remote\/ \{\n\s+include [^\n]+\n\s+add_header Cache-Control/,
    );
  });

  it('makes Apache fail loudly without mod_headers instead of serving without headers', () => {
    expect(apacheHeaders(inputs)).toContain(
      '<IfModule !mod_headers.c>\n  Error "news reader: the security headers need mod_headers (a2enmod headers)"\n</IfModule>\n',
    );
    // No IfModule around the headers themselves: nothing is skipped silently.
    expect(apacheHeaders(inputs)).not.toContain('<IfModule mod_headers.c>');
  });

  it('puts the server configurations beside the site, never in it', () => {
    expect(serverConfigDir('/srv/reader/dist')).toBe('/srv/reader/dist-host');
    expect(serverConfigDir('/srv/reader/dist/')).toBe('/srv/reader/dist-host');
  });
});
