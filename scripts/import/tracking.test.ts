import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from './html-to-blocks.ts';
import { isPixelSize, isTrackerUrl } from './tracking.ts';

describe('tracking pixels', () => {
  it.each([
    'https://feeds.feedburner.com/~r/MiddleEastMonitor/~4/AbCdEf',
    'http://feeds.feedburner.com/~ff/example?d=yIl2AUoC8zA',
    'https://feedproxy.google.com/~r/example/~4/xyz',
    'https://pixel.wp.com/b.gif?host=example.org&blog=1&post=2',
    'https://stats.wordpress.com/b.gif?v=noscript',
    'https://www.googleadservices.com/pagead/conversion/1/?value=0',
    'https://ad.doubleclick.net/ddm/trackimp/N123',
    'https://www.google-analytics.com/collect?v=1&tid=UA-1',
    'https://www.facebook.com/tr?id=123&ev=PageView&noscript=1',
    'https://pixel.quantserve.com/pixel/p-abc.gif',
    'https://sb.scorecardresearch.com/p?c1=2&c2=123',
    'https://example.us1.list-manage.com/track/open.php?u=abc&id=def',
    'https://news.example.org/email/open.gif?utm_source=newsletter&utm_medium=email',
    'https://example.org/some/~r/path.gif',
    // journal.3960.org's Matomo pixel, broken entity and all (test/real/jsonfeed-3960-de.json).
    'https://stats.3960.org/p.php?idsite=8amp;action_name=Lecker%2C+lecker',
    'https://analytics.example.org/matomo.php?rec=1',
  ])('knows %s as a tracker', (url) => {
    expect(isTrackerUrl(url)).toBe(true);
  });

  it.each([
    'https://www.middleeastmonitor.com/wp-content/uploads/2023/08/photo.jpg',
    'https://i.guim.co.uk/img/media/b73c/master/3000.jpg?w=460&q=55',
    'https://www.facebook.com/bbcnews/photos/123',
    'https://example.org/photo.jpg?utm_source=twitter',
  ])('keeps %s as a photo', (url) => {
    expect(isTrackerUrl(url)).toBe(false);
  });

  it('knows a pixel by its size, in attributes or style, in either direction', () => {
    expect(isPixelSize('1', '1', undefined)).toBe(true);
    expect(isPixelSize(1, undefined, undefined)).toBe(true);
    expect(isPixelSize(undefined, '1', undefined)).toBe(true);
    expect(isPixelSize('0', '0', undefined)).toBe(true);
    expect(isPixelSize(undefined, undefined, 'width:1px;height:1px;border:0')).toBe(true);
    expect(isPixelSize(undefined, undefined, 'display:block; height: 1px')).toBe(true);
    expect(isPixelSize('10', '12', 'max-width: 100%')).toBe(false);
    expect(isPixelSize('100', undefined, 'width: 100%')).toBe(false);
  });

  it('leaves pixels and beacons out of a body, and keeps the photos', () => {
    const blocks = htmlToBlocks(
      `<p>Text.<img src="https://feeds.feedburner.com/~r/Example/~4/abc" height="1" width="1" alt=""/></p>
<img src="https://example.org/a.gif" style="width:1px;height:1px">
<img src="https://pixel.wp.com/b.gif?host=example.org" alt="">
<div class="feedflare"><a href="http://feeds.feedburner.com/~ff/Example?a=x"><img src="http://feeds.feedburner.com/~ff/Example?d=x" border="0"></a></div>
<img src="https://example.org/photo.jpg" width="640" height="1" alt="A one-pixel-high strip">
<img src="https://example.org/photo.jpg" width="640" height="480" alt="A photo">`,
      { siteHosts: new Set(), fallbackAlt: 'Title' },
    );
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] },
      {
        type: 'image',
        image: { src: 'https://example.org/photo.jpg', alt: 'A photo', width: 640, height: 480 },
      },
    ]);
  });
});
