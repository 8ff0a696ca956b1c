import { describe, expect, it } from 'vitest';
import { hashSource } from './content-security-policy.ts';
import { inlineBootScript, startPageAfterLoad } from './page-start-plugin.ts';

const built = `<head>
    <meta charset="UTF-8" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="manifest" href="/manifest.webmanifest" />
    <script src="/boot.js"></script>
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-b2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
  </head><body><div id="root"></div></body>`;
const boot = '// Applies the theme.\n(function () {\n  // inside\n  run();\n})();\n';
const files = { boot };
const assets: Record<string, string> = { '/assets/index-c3.css': 'h1{color:red}\n' };

describe('startPageAfterLoad', () => {
  it('inlines the stylesheet and boot.js, which names the entry and its imports', () => {
    const { html } = startPageAfterLoad(built, files, (url) => assets[url] ?? '');
    expect(html).toContain('<style>h1{color:red}</style>');
    expect(html).toContain(
      '<script data-app="/assets/index-a1.js" data-preload="/assets/shared-b2.js" data-manifest="/manifest.webmanifest" data-base="/">\n(function () {\n  run();\n})();\n</script>',
    );
    expect(html).not.toMatch(/ src=|modulepreload|rel="stylesheet"|rel="manifest"|data:/);
    // A file of the site's own: the policy allows no data: images.
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
  });

  it('puts a policy first in the head that allows exactly the inline script and style', () => {
    const { html, policy } = startPageAfterLoad(
      built,
      files,
      (url) => assets[url] ?? '',
      'https://api.example.org/news/',
    );
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html);
    expect(html.indexOf(meta?.[0] ?? '?')).toBeLessThan(html.indexOf('<script'));
    const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(policy).toEqual({
      scripts: [script],
      styles: ['h1{color:red}'],
      apiBaseUrl: 'https://api.example.org/news/',
    });
    const directives = meta?.[1]?.split('; ') ?? [];
    expect(directives).toContain(`script-src 'self' ${hashSource(script)}`);
    expect(directives).toContain(`style-src 'self' ${hashSource('h1{color:red}')}`);
    expect(directives).toContain("connect-src 'self' https://api.example.org");
    expect(directives).toContain("require-trusted-types-for 'script'");
    expect(meta?.[1]).not.toMatch(/unsafe-inline|unsafe-eval|frame-ancestors/);
  });

  it('says what the built page lacks', () => {
    expect(() => startPageAfterLoad('<head></head>', files, () => '')).toThrow(
      'page-start: the built index.html has no module script for the app',
    );
    const noBoot = built.replace('<script src="/boot.js"></script>', '');
    expect(() => startPageAfterLoad(noBoot, files, () => '')).toThrow(
      'page-start: the built index.html has no <script src="/boot.js"> in its head',
    );
  });

  it('keeps code lines and drops whole-line comments', () => {
    expect(inlineBootScript('// a\nvar x = 1; // b\n\n  // c\n')).toBe('var x = 1; // b');
  });
});
