import { describe, expect, it } from 'vitest';
import { pageUrlOfFrame } from './embeds.ts';
import { htmlToBlocks } from './html-to-blocks.ts';

const blocks = (html: string) =>
  htmlToBlocks(html, {
    base: 'https://www.example.org/a-story/',
    siteHosts: new Set(['example.org']),
    fallbackAlt: 'The headline',
  });

describe('embeds', () => {
  it.each([
    ['https://www.youtube.com/embed/pO663zwHwz8', 'https://www.youtube.com/watch?v=pO663zwHwz8'],
    [
      'https://www.youtube-nocookie.com/embed/G2dGWH90aew?enablejsapi=1',
      'https://www.youtube.com/watch?v=G2dGWH90aew',
    ],
    [
      'https://www.youtube.com/embed/abcdefghijk?start=42&feature=oembed',
      'https://www.youtube.com/watch?v=abcdefghijk&t=42',
    ],
    [
      'https://www.youtube.com/embed/videoseries?list=PL123',
      'https://www.youtube.com/playlist?list=PL123',
    ],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'https://vimeo.com/76979871'],
    [
      'https://platform.twitter.com/embed/Tweet.html?id=1689000000000000000',
      'https://twitter.com/i/status/1689000000000000000',
    ],
    [
      'https://www.instagram.com/p/CvXyZ123/embed/captioned/',
      'https://www.instagram.com/p/CvXyZ123/',
    ],
    [
      'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fbbcnews%2Fposts%2F123&width=500',
      'https://www.facebook.com/bbcnews/posts/123',
    ],
    [
      'https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/artist/track&color=%23ff5500',
      'https://soundcloud.com/artist/track',
    ],
    // The API URL opens nowhere; the player page does.
    [
      'https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&auto_play=false',
      'https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&auto_play=false',
    ],
    [
      'https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC',
      'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    ],
    [
      'https://www.dailymotion.com/embed/video/x8abc12',
      'https://www.dailymotion.com/video/x8abc12',
    ],
    ['https://www.google.com/maps/embed?pb=!1m18', 'https://www.google.com/maps/embed?pb=!1m18'],
  ])('reads the frame %s as the page %s', (src, page) => {
    expect(pageUrlOfFrame(src)).toBe(page);
  });

  it('turns a Gutenberg YouTube embed into one card with its title and caption, and no stray caption', () => {
    expect(
      blocks(`<p>Before.</p>
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
<iframe loading="lazy" title="Sudan: the battle for Khartoum" width="500" height="281" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allowfullscreen></iframe>
</div><figcaption class="wp-element-caption">Footage filmed in <em>Omdurman</em></figcaption></figure>
<p>After.</p>`),
    ).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        title: 'Sudan: the battle for Khartoum',
        caption: 'Footage filmed in Omdurman',
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'After.' }] },
    ]);
  });

  it('reads the URL that a Gutenberg embed wrapper holds as text when oEmbed did not run', () => {
    expect(
      blocks(
        '<figure class="wp-block-embed is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/MiddleEastMnt/status/1689000000000000000\n</div><figcaption>The minister’s statement</figcaption></figure>',
      ),
    ).toEqual([
      {
        type: 'embed',
        url: 'https://twitter.com/MiddleEastMnt/status/1689000000000000000',
        caption: 'The minister’s statement',
      },
    ]);
  });

  it('takes the thumbnail a privacy plugin writes in srcdoc, and a meaningful frame title (journal.3960.org)', () => {
    // Recorded in test/real/jsonfeed-3960-de.json.
    const frame = `<iframe allowfullscreen="allowfullscreen" title="Der Trailer zu MSFS2020 ist atemberaubend." src="https://www.youtube-nocookie.com/embed/ReDDgFfWlS4?enablejsapi=1" srcdoc="&lt;style&gt;*{padding:0;margin:0;overflow:hidden}&lt;/style&gt;&lt;a href=&quot;https://www.youtube.com/embed/ReDDgFfWlS4?autoplay=1&quot;&gt;&lt;img src=&quot;https://img.youtube.com/vi/ReDDgFfWlS4/hqdefault.jpg&quot; alt=&quot;&quot;&gt;&lt;span&gt;▶&lt;/span&gt;&lt;/a&gt;"></iframe>`;
    expect(blocks(frame)).toEqual([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=ReDDgFfWlS4',
        title: 'Der Trailer zu MSFS2020 ist atemberaubend.',
        thumbnail: 'https://img.youtube.com/vi/ReDDgFfWlS4/hqdefault.jpg',
      },
    ]);
    // A title that is only the URL names nothing.
    expect(
      blocks(
        '<iframe title="https://www.youtube.com/watch?v=G2dGWH90aew" src="https://www.youtube-nocookie.com/embed/G2dGWH90aew"></iframe>',
      ),
    ).toEqual([{ type: 'embed', url: 'https://www.youtube.com/watch?v=G2dGWH90aew' }]);
  });

  it('never invents a YouTube thumbnail the source does not give', () => {
    // DC Rainmaker's frames (test/real/rss-dcrainmaker.xml) carry no picture.
    expect(
      blocks(
        '<iframe src="https://www.youtube.com/embed/pO663zwHwz8" width="720" height="420" frameborder="0" allowfullscreen="allowfullscreen"></iframe>',
      ),
    ).toEqual([{ type: 'embed', url: 'https://www.youtube.com/watch?v=pO663zwHwz8' }]);
  });

  it('drops ad frames and frames that are not http(s), and keeps an unknown page as a card', () => {
    // DC Rainmaker's Amazon product widget, protocol-relative as recorded.
    expect(
      blocks(
        '<iframe height="240" width="120" src="//ws-na.amazon-adsystem.com/widgets/q?ServiceVersion=20070822&amp;OneJS=1"></iframe><iframe src="about:blank"></iframe><iframe src="https://datawrapper.dwcdn.net/AbC12/3/" title="Chart: wheat prices"></iframe>',
      ),
    ).toEqual([
      {
        type: 'embed',
        url: 'https://datawrapper.dwcdn.net/AbC12/3/',
        title: 'Chart: wheat prices',
      },
    ]);
  });

  it('reads a tweet blockquote: its own link is the URL, its text the title', () => {
    expect(
      blocks(`<blockquote class="twitter-tweet" data-width="550"><p lang="en" dir="ltr">Talks resume in <a href="https://twitter.com/hashtag/Jeddah?src=hash">#Jeddah</a> today</p>&mdash; Reporter (@reporter) <a href="https://twitter.com/reporter/status/1689000000000000001?ref_src=twsrc%5Etfw">August 9, 2023</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`),
    ).toEqual([
      {
        type: 'embed',
        url: 'https://twitter.com/reporter/status/1689000000000000001?ref_src=twsrc%5Etfw',
        title: 'Talks resume in #Jeddah today',
      },
    ]);
  });

  it('reads Instagram and TikTok blockquotes and Facebook posts', () => {
    expect(
      blocks(`<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CvXyZ123/?utm_source=ig_embed" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/CvXyZ123/?utm_source=ig_embed">View this post on Instagram</a></div><p><a href="https://www.instagram.com/p/CvXyZ123/?utm_source=ig_embed">A post shared by Example (@example)</a></p></blockquote>
<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@scout2015/video/6718335390845095173" data-video-id="6718335390845095173"><section><a title="@scout2015" href="https://www.tiktok.com/@scout2015">@scout2015</a><p>Scramble up ur name &amp; I’ll try to guess it</p></section></blockquote>
<div class="fb-post" data-href="https://www.facebook.com/20531316728/posts/10154009990506729/" data-width="500"></div>`),
    ).toEqual([
      {
        type: 'embed',
        url: 'https://www.instagram.com/p/CvXyZ123/?utm_source=ig_embed',
        title: 'A post shared by Example (@example)',
      },
      {
        type: 'embed',
        url: 'https://www.tiktok.com/@scout2015/video/6718335390845095173',
        title: 'Scramble up ur name & I’ll try to guess it',
      },
      { type: 'embed', url: 'https://www.facebook.com/20531316728/posts/10154009990506729/' },
    ]);
  });

  it('gives a classic wp-caption box around a frame its caption, and reads a bare provider URL as an embed', () => {
    expect(
      blocks(
        '<div class="wp-caption"><iframe src="https://player.vimeo.com/video/76979871"></iframe><p class="wp-caption-text">The trailer</p></div><p><a href="https://soundcloud.com/artist/track">https://soundcloud.com/artist/track</a></p><p>https://example.com/not-a-provider</p>',
      ),
    ).toEqual([
      { type: 'embed', url: 'https://vimeo.com/76979871', caption: 'The trailer' },
      { type: 'embed', url: 'https://soundcloud.com/artist/track' },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'https://example.com/not-a-provider' }],
      },
    ]);
  });
});
