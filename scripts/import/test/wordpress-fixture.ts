/**
 * A WordPress site shaped like the real REST API (Middle East Monitor's, recorded in shape):
 * `_embed` data with featured media and its `media_details.sizes`, `wp:term` as a list of
 * lists, embedded authors, paging headers, and categories with parents. Its main post is the
 * seed article, with the entities, caption and READ paragraphs the source really has.
 */
import { json, type Reply, type Route } from './server.ts';

export const SITE = 'https://www.middleeastmonitor.com';

export const SLUGS = {
  sudan: '20230805-fighting-flares-in-khartoum-as-ceasefire-talks-stall',
  barge: '20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected',
  seed: '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs',
  /** Linked from the seed but not on the site fixture: stays an external link. */
  fines: '20230807-uk-increases-fines-for-bosses-landlords-supporting-illegal-migrants',
  arabic: '20230811-السودان-مفاوضات',
};

type Category = { id: number; name: string; slug: string; parent: number };

export const CATEGORIES: Category[] = [
  { id: 1, name: 'Uncategorized', slug: 'uncategorized', parent: 0 },
  { id: 5, name: 'News', slug: 'news', parent: 0 },
  { id: 10, name: 'Europe &amp; Russia', slug: 'europe-russia', parent: 0 },
  { id: 12, name: 'UK', slug: 'uk', parent: 10 },
  { id: 20, name: 'Africa', slug: 'africa', parent: 0 },
  { id: 21, name: 'Sudan', slug: 'sudan', parent: 20 },
];

const TAGS: Record<number, string> = {
  31: 'UK',
  32: 'Turkiye',
  33: 'Migration',
  34: 'Human smuggling',
  35: 'Europe',
  36: 'Sudan',
  37: 'Khartoum',
};

const UPLOADS = `${SITE}/wp-content/uploads/2023/08`;

function term(id: number, taxonomy: 'category' | 'post_tag') {
  const name =
    taxonomy === 'category' ? (CATEGORIES.find((c) => c.id === id)?.name ?? '') : (TAGS[id] ?? '');
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  const base = taxonomy === 'category' ? 'category' : 'tag';
  return {
    id,
    link: `${SITE}/${base}/${slug}/`,
    name,
    slug,
    taxonomy,
    _links: {
      self: [
        { href: `${SITE}/wp-json/wp/v2/${taxonomy === 'category' ? 'categories' : 'tags'}/${id}` },
      ],
    },
  };
}

function featuredMedia(id: number, file: string, caption: string, width: number, height: number) {
  const size = (name: string, w: number, h: number) => ({
    file: name,
    width: w,
    height: h,
    filesize: w * h,
    mime_type: 'image/jpeg',
    source_url: `${UPLOADS}/${name}`,
  });
  return {
    id,
    date: '2023-08-09T19:02:41',
    slug: file.replace(/\.jpg$/, ''),
    type: 'attachment',
    link: `${SITE}/${file.replace(/\.jpg$/, '')}/`,
    title: { rendered: file },
    author: 2,
    featured_media: 0,
    caption: { rendered: `<p>${caption}</p>\n` },
    alt_text: '',
    media_type: 'image',
    mime_type: 'image/jpeg',
    media_details: {
      width,
      height,
      file: `2023/08/${file}`,
      filesize: 171_318,
      sizes: {
        medium: size(file.replace('.jpg', '-300x200.jpg'), 300, 200),
        large: size(file.replace('.jpg', '-1024x683.jpg'), 1024, 683),
        full: size(file, width, height),
      },
      image_meta: {
        credit: '',
        camera: '',
        caption: '',
        copyright: '',
        orientation: '0',
        keywords: [],
      },
    },
    source_url: `${UPLOADS}/${file}`,
    _links: { self: [{ href: `${SITE}/wp-json/wp/v2/media/${id}` }] },
  };
}

const MEMO_AUTHOR = {
  id: 2,
  name: 'Middle East Monitor',
  url: '',
  description: '',
  link: `${SITE}/author/memo/`,
  slug: 'memo',
  avatar_urls: { '24': 'https://secure.gravatar.com/avatar/0?s=24&d=mm&r=g' },
  _links: { self: [{ href: `${SITE}/wp-json/wp/v2/users/2` }] },
};

type PostInput = {
  id: number;
  link: string;
  slug: string;
  gmt: string;
  modifiedGmt: string;
  title: string;
  content: string;
  excerpt: string;
  categories: number[];
  tags: number[];
  media?: unknown;
  author?: unknown;
};

export function post(input: PostInput) {
  return {
    id: input.id,
    date: input.gmt.replace('T18', 'T19'),
    date_gmt: input.gmt,
    guid: { rendered: `${SITE}/?p=${input.id}` },
    modified: input.modifiedGmt.replace('T18', 'T19'),
    modified_gmt: input.modifiedGmt,
    slug: input.slug,
    status: 'publish',
    type: 'post',
    link: input.link,
    title: { rendered: input.title },
    content: { rendered: input.content, protected: false },
    excerpt: { rendered: input.excerpt, protected: false },
    author: 2,
    featured_media: input.media === undefined ? 0 : 900 + input.id,
    comment_status: 'closed',
    ping_status: 'closed',
    sticky: false,
    template: '',
    format: 'standard',
    meta: [],
    categories: input.categories,
    tags: input.tags,
    _links: { self: [{ href: `${SITE}/wp-json/wp/v2/posts/${input.id}` }] },
    _embedded: {
      author: [input.author ?? MEMO_AUTHOR],
      ...(input.media === undefined ? {} : { 'wp:featuredmedia': [input.media] }),
      'wp:term': [
        input.categories.map((id) => term(id, 'category')),
        input.tags.map((id) => term(id, 'post_tag')),
      ],
    },
  };
}

export const SEED_CAPTION =
  'Minister of State (Minister for Immigration) in the Home Office Robert Jenrick leaves 10 Downing Street after attending the final weekly Cabinet meeting before the Summer recess in London, United Kingdom on July 18, 2023';
export const SEED_CREDIT = 'Wiktor Szymanowicz/Future Publishing via Getty Images';

const seedContent = `<p>The UK and Turkiye have struck an agreement to &#8220;disrupt and dismantle&#8221; human smuggling and trafficking gangs across Europe, as well as the supply of small boat parts.</p>
<p>The British Government announced its support for establishing an operational &#8220;centre of excellence&#8221; by Turkiye&#8217;s national police last night, which aims to strengthen collaboration between Turkiye-based staff of the UK&#8217;s National Crime Agency (NCA), Home Office Intelligence and their Turkish counterparts.</p>
<p>According to UK Immigration Minister Robert Jenrick, who visited Turkiye last month and spoke to GB News yesterday, the partnership was backed by funding which he left unspecified, saying it is &#8220;not primarily about money&#8221; but the sharing of information between both countries and their enforcement agencies.</p>
<p><strong>READ: </strong><a href="${SITE}/${SLUGS.barge}/">1st batch of migrants in UK moved to Bibby Stockholm barge, more expected</a></p>
<p>As part of the agreement, a memorandum of understanding was reportedly also struck to facilitate the rapid exchange of customs data and intelligence.</p>
<p>Targeting the supply of small boat parts and components is also a key goal of the partnership, with the Home Office stating that transporting hundreds of such parts each year is a &#8220;vital element of smugglers&#8217; tactics.&#8221;</p>
<p>The partnership reportedly does not include a deal to return failed Turkish asylum seekers, the second largest group of migrants crossing the English Channel on small boats after Afghans.</p>
<p>The development comes amid increased efforts by the British Government to tackle the waves of migrants who cross the channel, particularly focusing on the human smuggling gangs that organise such crossings and often demand exploitative payments from migrants.</p>
<p><strong>READ: <a href="${SITE}/${SLUGS.fines}/">UK increases fines for bosses, landlords supporting &#8216;illegal migrants&#8217;</a></strong></p>
`;

const sudanContent = `<p>Heavy fighting broke out again in <em>Khartoum</em> on Saturday as talks on a ceasefire stalled, residents said, days before the UK and Turkiye <a href="${SITE}/${SLUGS.seed}/">struck a deal on smuggling</a>.</p>
<figure class="wp-block-image size-large"><img decoding="async" src="${UPLOADS}/khartoum-smoke.jpg" alt="Smoke rises over Khartoum" width="1024" height="576" srcset="${UPLOADS}/khartoum-smoke.jpg 1024w" /><figcaption class="wp-element-caption">Smoke rises over Khartoum on August 5, 2023 [Anadolu Agency ]</figcaption></figure>
<h2>Talks in Jeddah</h2>
<p>Mediators <strong>said</strong> the parties had agreed on:</p>
<ul>
<li>a humanitarian corridor</li>
<li>the exchange of prisoners</li>
</ul>
<blockquote><p>&#8220;We are hopeful,&#8221; one mediator said.</p></blockquote>
<div id="attachment_5" style="width: 810px" class="wp-caption aligncenter"><img aria-describedby="caption-attachment-5" loading="lazy" class="size-full wp-image-5" src="${UPLOADS}/jeddah-talks.jpg" alt="" width="800" height="450" /><p id="caption-attachment-5" class="wp-caption-text">Delegates in Jeddah [Reuters]</p></div>
<p>More than 4,000 people have been killed since April, according to <a href="https://www.acleddata.com/">ACLED</a>.</p>
`;

export const POSTS = [
  post({
    id: 101,
    link: `${SITE}/${SLUGS.sudan}/`,
    slug: SLUGS.sudan,
    gmt: '2023-08-05T18:10:00',
    modifiedGmt: '2023-08-05T18:40:00',
    title: 'Fighting flares in Khartoum as ceasefire talks stall',
    content: sudanContent,
    excerpt:
      '<p>Heavy fighting broke out again in Khartoum on Saturday as talks on a ceasefire stalled [&hellip;]</p>\n',
    categories: [5, 21],
    tags: [36, 37],
    media: featuredMedia(
      201,
      'khartoum-street.jpg',
      'A street in Khartoum [AFP via Getty Images]',
      1200,
      800,
    ),
  }),
  post({
    id: 102,
    link: `${SITE}/${SLUGS.barge}/`,
    slug: SLUGS.barge,
    gmt: '2023-08-07T10:00:00',
    modifiedGmt: '2023-08-07T12:00:00',
    title: '1st batch of migrants in UK moved to Bibby Stockholm barge, more expected',
    content: `<p>The first group of asylum seekers boarded the <em>Bibby Stockholm</em> barge on Monday.</p>
<p>In Arabic: <a href="${SITE}/${encodeURIComponent(SLUGS.arabic).toLowerCase()}/">السودان</a></p>
`,
    excerpt:
      '<p>The first group of asylum seekers boarded the Bibby Stockholm barge on Monday.</p>\n',
    categories: [12],
    tags: [31, 33],
  }),
  post({
    id: 103,
    link: `${SITE}/${SLUGS.seed}/`,
    slug: SLUGS.seed,
    gmt: '2023-08-09T18:03:00',
    modifiedGmt: '2023-08-09T18:03:00',
    title: 'UK, Turkiye strike deal to &#8216;disrupt and dismantle&#8217; human smuggling gangs',
    content: seedContent,
    excerpt:
      '<p>The UK and Turkiye have struck an agreement to &#8220;disrupt and dismantle&#8221; human smuggling and trafficking gangs across Europe, as well as the supply of small boat parts. [&hellip;]</p>\n',
    categories: [5, 12],
    tags: [31, 32, 33, 34, 35],
    media: featuredMedia(
      203,
      'GettyImages-1552893433.jpg',
      `${SEED_CAPTION} [${SEED_CREDIT} ]`,
      1200,
      800,
    ),
  }),
  post({
    id: 104,
    link: `${SITE}/${encodeURIComponent(SLUGS.arabic).toLowerCase()}/`,
    slug: encodeURIComponent(SLUGS.arabic).toLowerCase(),
    gmt: '2023-08-11T08:00:00',
    modifiedGmt: '2023-08-11T08:30:00',
    title: 'السودان: مفاوضات جدة تتعثر',
    content: '<p>تعثرت المفاوضات في جدة &amp; استمر القتال.</p>\n',
    excerpt: '<p>تعثرت المفاوضات في جدة</p>\n',
    categories: [1],
    tags: [],
    // What WordPress embeds when the media or the user is not public.
    media: {
      code: 'rest_forbidden',
      message: 'Sorry, you are not allowed to do that.',
      data: { status: 401 },
    },
    author: { code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } },
  }),
];

/** The posts and categories endpoints, paged like WordPress: `per_page`, `page`, `modified_after`. */
/** The REST index's identity fields, as WordPress serves them at `/wp-json/`. */
export const INDEX = {
  name: 'Middle East Monitor',
  description: 'Creating new perspectives since 2009',
  url: SITE,
  home: SITE,
  gmt_offset: 1,
  timezone_string: 'Europe/London',
  namespaces: ['oembed/1.0', 'wp/v2'],
};

export function wordpressRoute(posts: unknown[] = POSTS): Route {
  return (url) => {
    // The site's home is this server, so nothing is asked of the real site (its /feed/ is a 404).
    if (url.pathname === '/wp-json/' || url.pathname === '/wp-json')
      return json({ ...INDEX, url: url.origin, home: url.origin });
    if (url.pathname === '/wp-json/wp/v2/posts') return postsPage(url, posts);
    if (url.pathname === '/wp-json/wp/v2/categories') {
      const include = (url.searchParams.get('include') ?? '').split(',').map(Number);
      return json(CATEGORIES.filter((category) => include.includes(category.id)).map(categoryJson));
    }
    return undefined;
  };
}

function postsPage(url: URL, all: unknown[]): Reply {
  const perPage = Number(url.searchParams.get('per_page') ?? '10');
  const page = Number(url.searchParams.get('page') ?? '1');
  const after = url.searchParams.get('modified_after');
  const matching = all.filter((item) => {
    const modified = (item as { modified_gmt: string }).modified_gmt;
    return after === null || Date.parse(`${modified}Z`) > Date.parse(after);
  });
  const totalPages = Math.ceil(matching.length / perPage);
  if (page > Math.max(totalPages, 1)) {
    return {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      }),
    };
  }
  const next = new URL(url);
  next.searchParams.set('page', String(page + 1));
  return json(matching.slice((page - 1) * perPage, page * perPage), {
    'x-wp-total': String(matching.length),
    'x-wp-totalpages': String(totalPages),
    ...(page < totalPages ? { link: `<${next.href}>; rel="next"` } : {}),
    'access-control-expose-headers': 'X-WP-Total, X-WP-TotalPages, Link',
  });
}

function categoryJson(category: Category) {
  return {
    ...category,
    count: 3,
    description: '',
    link: `${SITE}/category/${category.slug}/`,
    taxonomy: 'category',
    meta: [],
    _links: { self: [{ href: `${SITE}/wp-json/wp/v2/categories/${category.id}` }] },
  };
}
