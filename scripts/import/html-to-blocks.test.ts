import { describe, expect, it } from 'vitest';
import { htmlToBlocks, type HtmlContext } from './html-to-blocks.ts';

const SITE = 'https://www.example.org';
const context: HtmlContext = {
  base: `${SITE}/20230809-this-article/`,
  siteHosts: new Set(['example.org']),
  fallbackAlt: 'The headline',
};
const blocks = (html: string) => htmlToBlocks(html, context);
const text = (value: string, marks?: ('emphasis' | 'strong' | 'code')[]) => ({
  type: 'text' as const,
  text: value,
  ...(marks ? { marks } : {}),
});

describe('HTML to blocks', () => {
  it('reads paragraphs, marks and decoded entities, with whitespace collapsed', () => {
    expect(
      blocks(
        '<p>  A &amp; B\n  <em>said</em> <strong>“no”</strong> to <code>x&lt;y</code>&#8230; </p>',
      ),
    ).toEqual([
      {
        type: 'paragraph',
        content: [
          text('A & B '),
          text('said', ['emphasis']),
          text(' '),
          text('“no”', ['strong']),
          text(' to '),
          text('x<y', ['code']),
          text('…'),
        ],
      },
    ]);
  });

  it('keeps the text of containers it does not know, and splits paragraphs at a double break', () => {
    expect(
      blocks(
        '<div>Loose text<section><span>inner</span></section></div><p>one<br>two<br><br>three</p>',
      ),
    ).toEqual([
      { type: 'paragraph', content: [text('Loose text')] },
      { type: 'paragraph', content: [text('inner')] },
      { type: 'paragraph', content: [text('one'), { type: 'break' }, text('two')] },
      { type: 'paragraph', content: [text('three')] },
    ]);
  });

  it('drops empty paragraphs, including WordPress’s <p>&nbsp;</p>', () => {
    expect(blocks('<p>&nbsp;</p><p> </p><p>Kept</p>')).toEqual([
      { type: 'paragraph', content: [text('Kept')] },
    ]);
  });

  it.each([
    [
      'label outside the bold',
      '<p><strong>READ: </strong><a href="https://x.org/a/">Title</a></p>',
    ],
    [
      'label and link inside the bold',
      '<p><strong>READ: <a href="https://x.org/a/">Title</a></strong></p>',
    ],
    [
      'label in <b>, link in <em>',
      '<p><b>READ:</b> <em><a href="https://x.org/a/">Title</a></em></p>',
    ],
    ['plain', '<p>READ: <a href="https://x.org/a/">Title</a></p>'],
    ['label inside the link', '<p><a href="https://x.org/a/">READ: Title</a></p>'],
  ])('reads a READ paragraph (%s) as a read-link', (_, html) => {
    expect(blocks(html)).toEqual([
      { type: 'read-link', title: 'Title', target: { url: 'https://x.org/a/' } },
    ]);
  });

  it('does not take a paragraph with more than the link for a READ link', () => {
    expect(blocks('<p>READ: <a href="https://x.org/a/">Title</a> and more</p>')[0]?.type).toBe(
      'paragraph',
    );
  });

  it('marks links to /{slug}/ on the source site as possible in-app links', () => {
    const [paragraph] = blocks(
      `<p><a href="/20230807-other-story/">rel</a> <a href="https://example.org/20230807-other-story/#x">www-less</a> <a href="${SITE}/category/news/">deep</a> <a href="https://elsewhere.org/20230807-other-story/">away</a></p>`,
    );
    expect(paragraph).toMatchObject({
      content: [
        {
          type: 'link',
          target: { url: `${SITE}/20230807-other-story/`, slug: '20230807-other-story' },
        },
        text(' '),
        { type: 'link', target: { slug: '20230807-other-story' } },
        text(' '),
        { type: 'link', target: { url: `${SITE}/category/news/` } },
        text(' '),
        { type: 'link', target: { url: 'https://elsewhere.org/20230807-other-story/' } },
      ],
    });
    expect(JSON.stringify(paragraph)).not.toContain('"slug":"news"');
  });

  it('turns a figure or a wp-caption box into an image with caption and credit', () => {
    expect(
      blocks(
        '<figure><a href="/big.jpg"><img src="/a.jpg" alt="" width="800" height="450"></a><figcaption>A caption [Agency ]</figcaption></figure>' +
          '<div class="wp-caption"><img data-src="https://cdn.example.org/b.jpg" src="data:image/gif;base64,R0lGOD" alt="B" width="10" height="5"><p class="wp-caption-text">Plain caption</p></div>',
      ),
    ).toEqual([
      {
        type: 'image',
        image: {
          src: `${SITE}/a.jpg`,
          alt: 'A caption',
          width: 800,
          height: 450,
          caption: 'A caption',
          credit: 'Agency',
        },
      },
      {
        type: 'image',
        image: {
          src: 'https://cdn.example.org/b.jpg',
          alt: 'B',
          width: 10,
          height: 5,
          caption: 'Plain caption',
        },
      },
    ]);
  });

  it('leaves an image without a size for measuring, drops tracking pixels, and reads emoji as text', () => {
    expect(
      blocks(
        '<p>Hi <img class="emoji" alt="🙂" src="https://s.w.org/e.svg"> there<img src="/pixel.gif" width="1" height="1"><img src="/photo.jpg"></p>',
      ),
    ).toEqual([
      { type: 'paragraph', content: [text('Hi 🙂 there')] },
      { type: 'image', image: { src: `${SITE}/photo.jpg`, alt: 'The headline' } },
    ]);
  });

  it('flattens nested lists and keeps quotes as paragraphs', () => {
    expect(
      blocks(
        '<ol><li>One<ul><li>One a</li></ul></li><li><p>Two</p><p>more</p></li></ol><blockquote><p>Q1</p>Q2<h2>Q3</h2></blockquote>',
      ),
    ).toEqual([
      {
        type: 'list',
        isOrdered: true,
        items: [[text('One')], [text('One a')], [text('Two'), { type: 'break' }, text('more')]],
      },
      { type: 'quote', paragraphs: [[text('Q1')], [text('Q2')], [text('Q3')]] },
    ]);
  });

  it('reads custom elements named like Object.prototype members as plain containers', () => {
    expect(
      blocks(
        '<constructor>a</constructor><p><hasownproperty>b</hasownproperty> <tostring>c</tostring></p>',
      ),
    ).toEqual([
      { type: 'paragraph', content: [text('a')] },
      { type: 'paragraph', content: [text('b c')] },
    ]);
  });

  it('maps h1..h6 onto the three heading levels the reader has', () => {
    expect(
      blocks('<h1>a</h1><h3>b</h3><h6>c</h6>').map((block) =>
        block.type === 'heading' ? block.level : 0,
      ),
    ).toEqual([2, 3, 4]);
  });

  it('drops everything executable and keeps the harmless text around it', () => {
    const hostile = [
      '<p>Before<script>alert(1)</script> after</p>',
      '<p><img src=x onerror="alert(2)">img</p>',
      '<p><a href="javascript:alert(3)">js link</a></p>',
      '<p><a href="jav&#x09;ascript:alert(4)">tab link</a></p>',
      '<p><a href="  JAVASCRIPT:alert(5)">upper link</a></p>',
      '<p><a href="vbscript:msgbox(6)">vb link</a></p>',
      '<p><a href="data:text/html;base64,PHNjcmlwdD4=">data link</a></p>',
      '<svg onload="alert(7)"><text>svg text</text></svg>',
      '<math><mi>math text</mi></math>',
      '<iframe src="https://evil.example/"></iframe><object data="x.swf">obj</object><embed src="x.swf">',
      '<iframe src="javascript:alert(11)"></iframe><iframe srcdoc="<script>alert(12)</script>"></iframe>',
      '<form action="/steal"><input name="q" value="form text"><button>Go</button></form>',
      '<style>body { background: url(javascript:alert(8)) }</style>',
      '<p style="width: expression(alert(9))" onclick="alert(10)">styled</p>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" width="2" height="2">',
      '<p><a href="#top">anchor</a></p>',
    ].join('');
    const result = blocks(hostile);
    const json = JSON.stringify(result);
    for (const bad of [
      'alert',
      'javascript',
      'vbscript',
      'data:',
      'script',
      'onerror',
      'onload',
      'onclick',
      'expression',
      'svg text',
      'math text',
      'form text',
      'Go',
      'obj',
    ]) {
      expect(json).not.toContain(bad);
    }
    expect(result).toEqual([
      { type: 'paragraph', content: [text('Before after')] },
      { type: 'image', image: { src: `${SITE}/20230809-this-article/x`, alt: 'The headline' } },
      { type: 'paragraph', content: [text('img')] },
      { type: 'paragraph', content: [text('js link')] },
      { type: 'paragraph', content: [text('tab link')] },
      { type: 'paragraph', content: [text('upper link')] },
      { type: 'paragraph', content: [text('vb link')] },
      { type: 'paragraph', content: [text('data link')] },
      // A frame of an http(s) page is a link card to it, never a frame; the others go.
      { type: 'embed', url: 'https://evil.example/' },
      { type: 'paragraph', content: [text('styled')] },
      { type: 'paragraph', content: [text('anchor')] },
    ]);
  });
});

describe('galleries', () => {
  const image = (src: string, alt: string, caption?: string) => ({
    type: 'image',
    image: {
      src: `${SITE}/wp-content/uploads/${src}`,
      alt,
      width: 1024,
      height: 683,
      ...(caption === undefined ? {} : { caption }),
    },
  });

  it('keeps each photo of a Gutenberg gallery with its own caption, the gallery’s on the first that has none', () => {
    expect(
      blocks(`<figure class="wp-block-gallery has-nested-images columns-default is-cropped">
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${SITE}/wp-content/uploads/a.jpg" alt="" class="wp-image-1"/></figure>
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${SITE}/wp-content/uploads/b.jpg" alt="Boats" class="wp-image-2"/><figcaption class="wp-element-caption">Boats at dawn</figcaption></figure>
<figcaption class="blocks-gallery-caption wp-element-caption">The harbour in Gaza City</figcaption></figure>`),
    ).toEqual([
      image('a.jpg', 'The harbour in Gaza City', 'The harbour in Gaza City'),
      image('b.jpg', 'Boats', 'Boats at dawn'),
    ]);
  });

  it('puts the gallery caption after the photos when the first has its own (older Gutenberg lists)', () => {
    expect(
      blocks(`<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid">
<li class="blocks-gallery-item"><figure><img src="${SITE}/wp-content/uploads/a.jpg" width="1024" height="683" alt="One"/><figcaption class="blocks-gallery-item__caption">First</figcaption></figure></li>
<li class="blocks-gallery-item"><figure><img src="${SITE}/wp-content/uploads/b.jpg" width="1024" height="683" alt="Two"/></figure></li>
</ul><figcaption class="blocks-gallery-caption">Both photos: Reuters</figcaption></figure>`),
    ).toEqual([
      image('a.jpg', 'One', 'First'),
      image('b.jpg', 'Two'),
      { type: 'paragraph', content: [text('Both photos: Reuters')] },
    ]);
  });

  it('reads the [gallery] shortcode’s div.gallery, and a figure with several photos', () => {
    expect(
      blocks(`<div id="gallery-1" class="gallery galleryid-5 gallery-columns-3 gallery-size-thumbnail">
<dl class="gallery-item"><dt class="gallery-icon landscape"><a href="${SITE}/a/"><img width="1024" height="683" src="${SITE}/wp-content/uploads/a.jpg" class="attachment-thumbnail" alt="" /></a></dt><dd class="wp-caption-text gallery-caption">Market day</dd></dl>
<dl class="gallery-item"><dt class="gallery-icon landscape"><a href="${SITE}/b/"><img width="1024" height="683" src="${SITE}/wp-content/uploads/b.jpg" class="attachment-thumbnail" alt="Stalls" /></a></dt></dl>
<br style="clear: both" /></div>
<figure><img src="${SITE}/wp-content/uploads/c.jpg" width="1024" height="683" alt="C"><img src="${SITE}/wp-content/uploads/d.jpg" width="1024" height="683" alt="D"><figcaption>Two views</figcaption></figure>`),
    ).toEqual([
      image('a.jpg', 'Market day', 'Market day'),
      image('b.jpg', 'Stalls'),
      image('c.jpg', 'C', 'Two views'),
      image('d.jpg', 'D'),
    ]);
  });
});
