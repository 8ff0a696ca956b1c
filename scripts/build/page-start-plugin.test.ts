import { describe, expect, it } from 'vitest';
import { inlineBootScript, startPageAfterLoad } from './page-start-plugin.ts';

const built = `<head>
    <script src="/boot.js"></script>
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-b2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
  </head><body><div id="root"></div></body>`;
const boot = '// Applies the theme.\n(function () {\n  // inside\n  run();\n})();\n';
const assets: Record<string, string> = { '/assets/index-c3.css': 'h1{color:red}\n' };

describe('startPageAfterLoad', () => {
  it('inlines the stylesheet and boot.js, which names the entry and its imports', () => {
    const html = startPageAfterLoad(built, boot, (url) => assets[url] ?? '');
    expect(html).toContain('<style>h1{color:red}</style>');
    expect(html).toContain(
      '<script data-app="/assets/index-a1.js" data-preload="/assets/shared-b2.js">\n(function () {\n  run();\n})();\n</script>',
    );
    expect(html).not.toMatch(/ src=|modulepreload|rel="stylesheet"/);
  });

  it('says what the built page lacks', () => {
    expect(() => startPageAfterLoad('<head></head>', boot, () => '')).toThrow(
      'page-start: the built index.html has no module script for the app',
    );
    const noBoot = built.replace('<script src="/boot.js"></script>', '');
    expect(() => startPageAfterLoad(noBoot, boot, () => '')).toThrow(
      'page-start: the built index.html has no <script src="/boot.js"> in its head',
    );
  });

  it('keeps code lines and drops whole-line comments', () => {
    expect(inlineBootScript('// a\nvar x = 1; // b\n\n  // c\n')).toBe('var x = 1; // b');
  });
});
