import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../content/markdown-blocks.ts';
import { blocksToMarkdown } from './blocks-to-markdown.ts';
import { htmlToBlocks, type DraftBlock } from './html-to-blocks.ts';
import type { ImportBlock } from './imported-article.ts';

const blocks = (html: string) =>
  htmlToBlocks(html, {
    base: 'https://www.example.org/a-story/',
    siteHosts: new Set(['example.org']),
    fallbackAlt: 'The headline',
  });
const text = (value: string, marks?: ('emphasis' | 'strong' | 'code')[]) => ({
  type: 'text' as const,
  text: value,
  ...(marks ? { marks } : {}),
});
const markdownOf = (drafts: DraftBlock[]) =>
  blocksToMarkdown(drafts as ImportBlock[], (target) => target.url);
/** What the content build reads back from the Markdown. */
const readBack = (markdown: string) =>
  markdownToBlocks(markdown, { file: 'a-story.md', firstLine: 1 });

describe('tables', () => {
  it('keeps the caption, the header row and links and code in cells (journal.3960.org)', () => {
    // Shortened from test/real/jsonfeed-3960-de.json.
    const html = `<table>
<caption id="dom">DOM-Selektions-Methoden, sortiert nach Performance</caption>
<thead><tr><th>Methode</th><th>jQuery</th><th>JavaScript</th></tr></thead>
<tbody><tr><td>ID</td><td><code>$(&#39;#x&#39;)</code></td>
<td><a href="https://developer.mozilla.org/en-US/docs/Web/API/Document/getElementById"><code>document.getElementById(&#39;x&#39;)</code></a></td></tr>
<tr><td>Attribut | Wert</td><td><em>n/a</em></td><td>n/a</td></tr></tbody></table>`;
    const table = {
      type: 'table',
      caption: 'DOM-Selektions-Methoden, sortiert nach Performance',
      header: [[text('Methode')], [text('jQuery')], [text('JavaScript')]],
      rows: [
        [
          [text('ID')],
          [text("$('#x')", ['code'])],
          [
            {
              type: 'link',
              target: {
                url: 'https://developer.mozilla.org/en-US/docs/Web/API/Document/getElementById',
              },
              children: [text("document.getElementById('x')", ['code'])],
            },
          ],
        ],
        [[text('Attribut | Wert')], [text('n/a', ['emphasis'])], [text('n/a')]],
      ],
    };
    expect(blocks(html)).toEqual([table]);

    const markdown = markdownOf(blocks(html));
    expect(markdown).toBe(`| Methode | jQuery | JavaScript |
| - | - | - |
| ID | \`$('#x')\` | [\`document.getElementById('x')\`](https://developer.mozilla.org/en-US/docs/Web/API/Document/getElementById) |
| Attribut \\| Wert | _n/a_ | n/a |

Table: DOM-Selektions-Methoden, sortiert nach Performance
`);
    const read = readBack(markdown);
    expect(read.problems).toEqual([]);
    expect(read.blocks).toEqual([
      {
        ...table,
        rows: [
          [
            [text('ID')],
            [text("$('#x')", ['code'])],
            [
              {
                type: 'link',
                target: {
                  kind: 'external',
                  url: 'https://developer.mozilla.org/en-US/docs/Web/API/Document/getElementById',
                },
                children: [text("document.getElementById('x')", ['code'])],
              },
            ],
          ],
          [[text('Attribut | Wert')], [text('n/a', ['emphasis'])], [text('n/a')]],
        ],
      },
    ]);
  });

  it('writes a table without a header row with an empty one, which the build reads as none', () => {
    const drafts = blocks(
      '<figure class="wp-block-table"><table><tbody><tr><td>Gold</td><td>1</td></tr><tr><td>Silver<br>medal</td><td>2</td></tr></tbody></table><figcaption class="wp-element-caption">Medals</figcaption></figure>',
    );
    expect(drafts).toEqual([
      {
        type: 'table',
        caption: 'Medals',
        rows: [
          [[text('Gold')], [text('1')]],
          [[text('Silver'), text(' '), text('medal')], [text('2')]],
        ],
      },
    ]);
    const read = readBack(markdownOf(drafts));
    expect(read.blocks).toEqual([
      {
        type: 'table',
        caption: 'Medals',
        rows: [
          [[text('Gold')], [text('1')]],
          [[text('Silver medal')], [text('2')]],
        ],
      },
    ]);
  });

  it('takes a first row of th cells as the header, and keeps columns under a colspan (DC Rainmaker)', () => {
    expect(
      blocks(
        '<table><tr><th>Item</th><th>Price</th></tr><tr><td>Trainer</td><td>$399</td></tr><tfoot><tr><td colspan="173">Copyright DC Rainmaker</td></tr></tfoot></table>',
      ),
    ).toEqual([
      {
        type: 'table',
        header: [[text('Item')], [text('Price')]],
        rows: [
          [[text('Trainer')], [text('$399')]],
          [[text('Copyright DC Rainmaker')], []],
        ],
      },
    ]);
  });

  it('unwraps layout tables: a single cell, or a table around another', () => {
    expect(
      blocks(
        '<table><tr><td><p>Only cell.</p><p>Second paragraph.</p></td></tr></table><table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>Side text</td></tr></table>',
      ),
    ).toEqual([
      { type: 'paragraph', content: [text('Only cell.')] },
      { type: 'paragraph', content: [text('Second paragraph.')] },
      { type: 'table', rows: [[[text('a')], [text('b')]]] },
      { type: 'paragraph', content: [text('Side text')] },
    ]);
  });

  it('writes an embed as a fence of YAML the build reads back as a card', () => {
    const markdown = markdownOf([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        title: 'A title: with a colon, and `ticks`',
        caption: '```not a fence```',
      },
    ]);
    expect(markdown).toBe(
      '````embed\nurl: https://www.youtube.com/watch?v=dQw4w9WgXcQ\ntitle: "A title: with a colon, and `ticks`"\ncaption: "```not a fence```"\n````\n',
    );
    expect(readBack(markdown).blocks).toEqual([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        provider: 'YouTube',
        title: 'A title: with a colon, and `ticks`',
        caption: '```not a fence```',
      },
    ]);
  });
});
