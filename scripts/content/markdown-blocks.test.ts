import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/contract/article.ts';
import { formatProblem, type Problem } from './problem.ts';
import { markdownToBlocks, type ImageResolver } from './markdown-blocks.ts';

const FILE = 'content/articles/a.md';

/** Resolves `thumb.jpg` (a 480x360 photo) and reports anything else, as the build does. */
function read(markdown: string) {
  const problems: Problem[] = [];
  const resolveImage: ImageResolver = (src, where) => {
    if (src === 'thumb.jpg' || src === 'https://i.ytimg.com/vi/x/hqdefault.jpg') {
      return { src: '/images/thumb.jpg', width: 480, height: 360, widths: [320, 480] };
    }
    problems.push({ file: FILE, ...where, message: `image "${src}" not found in content/images/` });
    return undefined;
  };
  // The body starts on line 10 of the file, as if after nine lines of front matter.
  const result = markdownToBlocks(markdown, { file: FILE, firstLine: 10, resolveImage });
  return {
    blocks: result.blocks,
    problems: [...result.problems, ...problems].map(formatProblem),
  };
}

const text = (value: string) => [{ type: 'text' as const, text: value }];

describe('tables', () => {
  it('reads a GFM table with its header row, cells with emphasis and links, and a caption', () => {
    const { blocks, problems } = read(
      [
        'Before.',
        '',
        '| State | Turnout |',
        '| --- | ---: |',
        '| *Lagos* | [41%](https://example.org/lagos) |',
        '| Kano | `38%` |',
        '',
        'Table: Turnout by state, 2023',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(blocks.slice(1)).toEqual<Block[]>([
      {
        type: 'table',
        caption: 'Turnout by state, 2023',
        header: [text('State'), text('Turnout')],
        rows: [
          [
            [{ type: 'text', text: 'Lagos', marks: ['emphasis'] }],
            [
              {
                type: 'link',
                target: { kind: 'external', url: 'https://example.org/lagos' },
                children: text('41%'),
              },
            ],
          ],
          [text('Kano'), [{ type: 'text', text: '38%', marks: ['code'] }]],
        ],
      },
    ]);
  });

  it('reads a header row of empty cells as a table without a header', () => {
    const { blocks } = read('|  |  |\n|--|--|\n| a | b |\n| c |  |');
    expect(blocks).toEqual<Block[]>([
      { type: 'table', rows: [[text('a'), text('b')], [text('c'), []]] },
    ]);
  });

  it('keeps a paragraph after a table that is not a caption, and a caption as plain text', () => {
    const plain = read('| a |\n|---|\n| b |\n\nThe table shows turnout.');
    expect(plain.blocks[1]).toEqual({ type: 'paragraph', content: text('The table shows turnout.') });
    expect(plain.blocks[0]).not.toHaveProperty('caption');
    const marked = read('| a |\n|---|\n| b |\n\nTable: Turnout *by* state');
    expect(marked.blocks).toEqual([expect.objectContaining({ caption: 'Turnout by state' })]);
  });

  it('links a cell to another article by its slug', () => {
    const { blocks } = read('| Story |\n|---|\n| [Turnout](/turnout-by-state) |');
    expect(blocks[0]).toMatchObject({
      rows: [[[{ type: 'link', target: { kind: 'article', slug: 'turnout-by-state' } }]]],
    });
  });

  it('reports an image in a cell, and a table with nothing in it, on their lines', () => {
    expect(read('| a |\n|---|\n| ![x](thumb.jpg) |').problems).toEqual([
      `${FILE}:12: body: a table cell holds text and links, not images`,
    ]);
    expect(read('Text.\n\n| |\n|---|').problems).toEqual([
      `${FILE}:12: body: empty table: give it a row with something in it`,
    ]);
  });
});

describe('embeds', () => {
  const fence = (yaml: string) => `Before.\n\n\`\`\`embed\n${yaml}\n\`\`\`\n`;

  it('reads an embed fence into a card with its provider, title, caption and thumbnail', () => {
    const { blocks, problems } = read(
      fence(
        [
          'url: https://www.youtube.com/watch?v=dQw4w9WgXcQ   # the video',
          'title: "The video: its title"',
          'thumbnail: https://i.ytimg.com/vi/x/hqdefault.jpg',
          'caption: Filmed in Lagos.',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([]);
    expect(blocks[1]).toEqual<Block>({
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      provider: 'YouTube',
      title: 'The video: its title',
      caption: 'Filmed in Lagos.',
      thumbnail: { src: '/images/thumb.jpg', width: 480, height: 360, widths: [320, 480], alt: '' },
    });
  });

  it('needs only the URL, and names an unknown site by its host', () => {
    expect(read(fence('url: https://www.example.org/clip/1')).blocks[1]).toEqual<Block>({
      type: 'embed',
      url: 'https://www.example.org/clip/1',
      provider: 'example.org',
    });
  });

  it('reports every bad field on its own line', () => {
    // The fence opens on body line 3 (file line 12); its YAML starts on file line 13.
    const { blocks, problems } = read(
      fence(['title: 42', 'caption: ""', 'thumbnail: missing.jpg', 'colour: red'].join('\n')),
    );
    expect(blocks).toHaveLength(1);
    expect(problems).toEqual([
      `${FILE}:12: embed.url: missing url: the address of the post, e.g. https://www.youtube.com/watch?v=…`,
      `${FILE}:13: embed.title: title must be text`,
      `${FILE}:14: embed.caption: empty caption: write it, or leave the line out`,
      `${FILE}:16: embed.colour: unknown embed field: use url, title, thumbnail or caption`,
    ]);
  });

  it('rejects a URL that is not http(s), and names the thumbnail that is not there', () => {
    expect(read(fence('url: javascript:alert(1)')).problems).toEqual([
      `${FILE}:13: embed.url: url "javascript:alert(1)" is not an http(s) URL`,
    ]);
    expect(read(fence('url: www.youtube.com/watch')).problems).toEqual([
      `${FILE}:13: embed.url: url "www.youtube.com/watch" is not an http(s) URL`,
    ]);
    const missing = read(fence('url: https://vimeo.com/1\nthumbnail: missing.jpg'));
    expect(missing.problems).toEqual([
      `${FILE}:14: embed.thumbnail: image "missing.jpg" not found in content/images/`,
    ]);
  });

  it('rejects YAML that does not parse, and an embed that is not a mapping', () => {
    expect(read(fence('url: [https://vimeo.com/1')).problems).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:1[34]: embed: embed is not valid YAML: /),
    ]);
    expect(read(fence('- https://vimeo.com/1')).problems).toEqual([
      `${FILE}:12: embed: an embed holds YAML fields: url (required), title, thumbnail, caption`,
    ]);
    expect(read(fence('')).problems).toEqual([
      `${FILE}:12: embed.url: missing url: the address of the post, e.g. https://www.youtube.com/watch?v=…`,
    ]);
  });

  it('still rejects other fenced code blocks', () => {
    expect(read('```js\nalert(1)\n```').problems).toEqual([
      `${FILE}:10: body: unsupported fenced block "js": the only fenced block is \`\`\`embed`,
    ]);
  });
});
