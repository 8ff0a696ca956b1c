/**
 * A JSON Feed that pages with `next_url`, and an RSS 2.0 feed as WordPress writes it
 * (`content:encoded`, `dc:creator`, `media:content`, and a description where the hero's
 * caption runs straight into the excerpt). Images are served by the test server, so the
 * ones without a stated size are measured for real. The JSON Feed states its language in
 * every way a feed may: for the feed, for an item, and (on page 2) in a form that is no tag.
 */
import { crc32, deflateSync } from 'node:zlib';
import { json, type Reply, type Route } from './server.ts';
import { SEED_CAPTION, SEED_CREDIT, SITE } from './wordpress-fixture.ts';

export const NEWS = 'https://news.example.org';

/**
 * A real, decodable PNG of one grey colour: the importer measures its header, and the content
 * build downloads and re-encodes it like any photo named by URL.
 */
export function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  // Each row: filter byte 0, then one grey byte per pixel.
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const image = (bytes: Uint8Array): Reply => ({
  status: 200,
  headers: { 'content-type': 'image/png' },
  body: bytes,
});

export const FEED_SLUGS = {
  harbour: '20230810-gaza-fishermen-return-to-sea',
  drought: 'farmers-count-the-cost-of-the-drought',
  chart: '20230811-wheat-prices-climb-again',
};

function feedPages(origin: string) {
  return {
    first: {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example News',
      home_page_url: `${NEWS}/`,
      feed_url: `${origin}/feed.json`,
      next_url: `${origin}/feed.json?page=2`,
      language: 'en-gb',
      items: [
        {
          id: `${NEWS}/?p=1`,
          url: `${NEWS}/${FEED_SLUGS.harbour}/`,
          title: 'Gaza&#8217;s fishermen return to sea',
          summary: 'Boats went out at dawn for the first time in weeks.',
          content_html: `<p>Boats went out at <b>dawn</b>.</p><p><strong>READ:</strong> <a href="${NEWS}/${FEED_SLUGS.chart}/">Wheat prices climb again</a></p>`,
          image: `${origin}/images/harbour.png`,
          date_published: '2023-08-10T09:30:00+03:00',
          date_modified: '2023-08-10T10:00:00.123Z',
          authors: [{ name: 'Jane Doe', url: `${NEWS}/jane` }],
          tags: ['Gaza', 'Fishing'],
          language: 'AR',
        },
        {
          id: '2',
          external_url: 'https://elsewhere.example.com/drought-story',
          title: 'Farmers count the cost of the drought',
          content_text: 'First paragraph,\nwith a line break.\n\nSecond paragraph.',
          date_published: '2023-08-10T12:00:00Z',
          author: { name: 'Old Style Author' },
        },
      ],
    },
    second: {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example News',
      items: [
        {
          id: `${NEWS}/?p=3`,
          url: `${NEWS}/${FEED_SLUGS.chart}/`,
          title: 'Wheat prices climb again',
          content_html: `<p>Prices rose 4%.</p><figure><img src="${origin}/images/chart.png" alt="A chart of wheat prices"><figcaption>Wheat, in dollars a tonne [Example News]</figcaption></figure><p><img src="${origin}/images/missing.png" alt="Gone"></p>`,
          date_published: '2023-08-11T08:00:00+01:00',
          tags: ['Wheat'],
          language: 'en_US',
        },
      ],
    },
  };
}

export function jsonFeedRoute(): Route {
  return (url) => {
    const pages = feedPages(url.origin);
    if (url.pathname === '/feed.json')
      return json(url.searchParams.get('page') === '2' ? pages.second : pages.first);
    return imageRoute(url);
  };
}

function imageRoute(url: URL): Reply | undefined {
  if (url.pathname === '/images/harbour.png') return image(png(1600, 900));
  if (url.pathname === '/images/chart.png') return image(png(800, 600));
  if (url.pathname === '/images/enclosure.png') return image(png(640, 480));
  return undefined;
}

export const RSS_SLUGS = {
  seed: '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs',
  sudan: '20230805-fighting-flares-in-khartoum-as-ceasefire-talks-stall',
  enclosure: 'a-feed-item-with-an-enclosure',
};

export function rssXml(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:media="http://search.yahoo.com/mrss/">
<channel>
	<title>Middle East Monitor</title>
	<atom:link href="${origin}/rss.xml" rel="self" type="application/rss+xml" />
	<link>${SITE}</link>
	<description>Creating new perspectives since 2009</description>
	<lastBuildDate>Wed, 09 Aug 2023 18:03:00 +0000</lastBuildDate>
	<language>en-GB</language>
	<item>
		<title>UK, Turkiye strike deal to &#8216;disrupt and dismantle&#8217; human smuggling gangs</title>
		<link>${SITE}/${RSS_SLUGS.seed}/</link>
		<dc:creator><![CDATA[Middle East Monitor]]></dc:creator>
		<pubDate>Wed, 09 Aug 2023 19:03:00 +0100</pubDate>
		<category><![CDATA[Europe & Russia]]></category>
		<category><![CDATA[News]]></category>
		<category><![CDATA[UK]]></category>
		<guid isPermaLink="false">${SITE}/?p=103</guid>
		<description><![CDATA[${SEED_CAPTION} [${SEED_CREDIT}]The UK and Turkiye have struck an agreement to &#8220;disrupt and dismantle&#8221; human smuggling and trafficking gangs across Europe, as well as the supply of small boat parts. [&#8230;]]]></description>
		<content:encoded><![CDATA[<p>The UK and Turkiye have struck an agreement to &#8220;disrupt and dismantle&#8221; human smuggling gangs.</p>
<p><strong>READ: </strong><a href="${SITE}/${RSS_SLUGS.sudan}/">Fighting flares in Khartoum</a></p>
<p>The post <a href="${SITE}/${RSS_SLUGS.seed}/">UK, Turkiye strike deal</a> appeared first on <a href="${SITE}">Middle East Monitor</a>.</p>]]></content:encoded>
		<media:content url="${SITE}/wp-content/uploads/2023/08/GettyImages-1552893433.jpg?w=1200&amp;h=800" width="1200" height="800" medium="image" />
	</item>
	<item>
		<title>Fighting flares in Khartoum as ceasefire talks stall</title>
		<link>${SITE}/${RSS_SLUGS.sudan}/</link>
		<dc:creator><![CDATA[Jane Doe]]></dc:creator>
		<pubDate>Sat, 05 Aug 2023 18:10:00 GMT</pubDate>
		<category><![CDATA[Africa/Sudan]]></category>
		<category><![CDATA[Khartoum]]></category>
		<guid isPermaLink="true">${SITE}/${RSS_SLUGS.sudan}/</guid>
		<description>Heavy fighting broke out again in Khartoum.</description>
		<content:encoded><![CDATA[<p>Heavy fighting broke out again in <em>Khartoum</em>.</p>]]></content:encoded>
		<media:content url="${SITE}/wp-content/uploads/2023/08/small.jpg" width="300" height="200" medium="image" />
		<media:content url="${SITE}/wp-content/uploads/2023/08/khartoum-street.jpg" width="1200" height="800" medium="image">
			<media:description type="html">&lt;p&gt;A street in &lt;em&gt;Khartoum&lt;/em&gt;&lt;/p&gt;</media:description>
			<media:credit>AFP via Getty Images</media:credit>
		</media:content>
	</item>
	<item>
		<title>A feed item with an enclosure</title>
		<link>${origin}/stories/a-feed-item-with-an-enclosure.html</link>
		<author>editor@example.org (Sam Editor)</author>
		<pubDate>Sun, 06 Aug 2023 07:00:00 EDT</pubDate>
		<description>&lt;p&gt;Only a description, &lt;b&gt;escaped&lt;/b&gt; &amp;amp; all.&lt;/p&gt;</description>
		<enclosure url="${origin}/images/enclosure.png" length="1234" type="image/png" />
	</item>
</channel>
</rss>`;
}

export function rssRoute(): Route {
  return (url) => {
    if (url.pathname === '/rss.xml') {
      return {
        status: 200,
        headers: { 'content-type': 'application/rss+xml; charset=UTF-8' },
        body: rssXml(url.origin),
      };
    }
    return imageRoute(url);
  };
}
