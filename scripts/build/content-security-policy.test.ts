import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  apacheHeaders,
  hashSource,
  headerPolicy,
  netlifyHeaders,
  nginxHeaders,
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
      "img-src 'self' data:",
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
      `  Header always set Content-Security-Policy "${policy}"`,
    );
    expect(nginxHeaders(inputs)).toContain(
      `add_header Content-Security-Policy "${policy}" always;`,
    );
    for (const config of [netlifyHeaders, apacheHeaders, nginxHeaders]) {
      expect(config(inputs)).toMatch(/X-Content-Type-Options:? "?nosniff/);
    }
  });
});
