/**
 * A WordPress site for the sync tests: a real HTTP server on 127.0.0.1 whose posts start as
 * a real site's recorded answer (click9ja.com's `/wp/v2/posts?_embed`, see
 * scripts/import/test/real/README.md) and that a test changes between syncs: a post added,
 * edited, deleted or taken back to draft. It answers `/wp/v2/posts` as WordPress does for a
 * visitor who is not logged in:
 *
 * - only published posts (a draft, a deleted post is not listed, not even by `include`);
 * - `per_page` (1 to 100, default 10), `page` (past the last: error 400
 *   `rest_post_invalid_page_number`), `X-WP-Total` and `X-WP-TotalPages`;
 * - `orderby` (date, modified, id) and `order`, newest date first by default;
 * - `modified_after` (the site's local time, compared with `modified`), `include`;
 * - `_fields` (only the top-level fields named), `_embed` (the recorded `_embedded` is kept
 *   unless `_fields` leaves it out).
 *
 * `down` makes every answer a 503, as a site under maintenance gives.
 */
import { json, startServer, type Reply, type TestServer } from '../../import/test/server.ts';
import { mirrored, mirrorImage, real, RECORDED_CATEGORIES } from '../../import/test/real-mirror.ts';

type Post = Record<string, unknown> & {
  id: number;
  status: string;
  date: string;
  date_gmt: string;
  modified: string;
  modified_gmt: string;
  slug: string;
  link: string;
  title: { rendered: string };
};

export type WordPressSite = {
  /** The REST root, `http://127.0.0.1:<port>/wp-json`. */
  api: string;
  server: TestServer;
  posts: Post[];
  /** A new post, published now: a copy of the first recorded post with its own id, slug, title. */
  publish: (title: string, options?: { content?: string; date?: string }) => Post;
  /** Changes a post's title (and its body, if given), as an editor saving it does. */
  edit: (id: number, title: string, content?: string) => void;
  /** Moves a post to the bin and empties it: gone from every answer. */
  remove: (id: number) => void;
  /** Takes a post back to draft. */
  unpublish: (id: number) => void;
  down: boolean;
  close: () => Promise<void>;
};

/** The recorded site runs on UTC: `date` equals `date_gmt`. */
const RECORDED = 'wordpress-click9ja-posts.json';

export async function startWordPressSite(): Promise<WordPressSite> {
  const recorded = await real(RECORDED);
  let clock = Date.parse('2019-01-02T09:00:00Z');
  const tick = () => {
    // Each change a minute after the one before, as an editor's saves are.
    clock += 60_000;
    return new Date(clock).toISOString().slice(0, 19);
  };
  const server = await startServer(() => undefined);
  const posts = JSON.parse(mirrored(recorded, server.origin)) as Post[];
  const site: WordPressSite = {
    api: `${server.origin}/wp-json`,
    server,
    posts,
    down: false,
    publish(title, options = {}) {
      const [template] = posts;
      if (template === undefined) throw new Error('no recorded post to copy');
      const id = Math.max(...posts.map((post) => post.id)) + 1;
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const now = options.date ?? tick();
      const post: Post = {
        ...structuredClone(template),
        id,
        date: now,
        date_gmt: now,
        modified: now,
        modified_gmt: now,
        slug,
        status: 'publish',
        link: `https://click9ja.com/2019/01/02/${slug}/`,
        guid: { rendered: `https://click9ja.com/?p=${id}` },
        title: { rendered: title },
        content: {
          rendered: options.content ?? `<p>${title}: the story as it broke.</p>\n`,
          protected: false,
        },
        excerpt: { rendered: `<p>${title}: the story as it broke.</p>\n`, protected: false },
      };
      posts.push(post);
      return post;
    },
    edit(id, title, content) {
      const post = find(id);
      const now = tick();
      Object.assign(post, {
        modified: now,
        modified_gmt: now,
        title: { rendered: title },
        ...(content === undefined ? {} : { content: { rendered: content, protected: false } }),
      });
    },
    remove(id) {
      posts.splice(posts.indexOf(find(id)), 1);
    },
    unpublish(id) {
      const post = find(id);
      const now = tick();
      Object.assign(post, { status: 'draft', modified: now, modified_gmt: now });
    },
    close: () => server.close(),
  };
  const find = (id: number) => {
    const post = posts.find((candidate) => candidate.id === id);
    if (post === undefined) throw new Error(`no post ${id}`);
    return post;
  };
  server.route = (url) => {
    if (site.down)
      return { status: 503, headers: { 'retry-after': '600' }, body: 'Briefly unavailable' };
    if (url.pathname.startsWith('/mirror/')) return mirrorImage(url);
    // click9ja's REST index was not recorded: it is not made up here either (a 404).
    if (url.pathname === '/wp-json/wp/v2/posts') return postsAnswer(url, posts);
    if (url.pathname === '/wp-json/wp/v2/categories') {
      const include = (url.searchParams.get('include') ?? '').split(',').map(Number);
      return json(RECORDED_CATEGORIES.filter((category) => include.includes(category.id)));
    }
    return undefined;
  };
  return site;
}

function error(status: number, code: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ code, message, data: { status } }),
  };
}

function postsAnswer(url: URL, all: Post[]): Reply {
  const query = url.searchParams;
  const perPage = Number(query.get('per_page') ?? '10');
  const page = Number(query.get('page') ?? '1');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    return error(400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
  const after = query.get('modified_after');
  const include = query.get('include')?.split(',').map(Number);
  const orderby = query.get('orderby') ?? 'date';
  const order = query.get('order') ?? 'desc';
  const key = (post: Post) =>
    orderby === 'id'
      ? post.id
      : Date.parse(`${orderby === 'modified' ? post.modified : post.date}Z`);
  const matching = all
    .filter((post) => post.status === 'publish')
    .filter((post) => include === undefined || include.includes(post.id))
    // WordPress compares `modified_after` with `post_modified`, the site's local time.
    .filter((post) => after === null || Date.parse(`${post.modified}Z`) > localTime(after))
    .sort((a, b) => (order === 'asc' ? key(a) - key(b) : key(b) - key(a)));
  const totalPages = Math.ceil(matching.length / perPage);
  if (page > Math.max(totalPages, 1))
    return error(
      400,
      'rest_post_invalid_page_number',
      'The page number requested is larger than the number of pages available.',
    );
  const fields = query.get('_fields')?.split(',');
  const shown = matching
    .slice((page - 1) * perPage, page * perPage)
    .map((post) =>
      fields === undefined
        ? withoutEmbedUnlessAsked(post, query.has('_embed'))
        : Object.fromEntries(
            fields.filter((name) => name in post).map((name) => [name, post[name]]),
          ),
    );
  return json(shown, {
    'x-wp-total': String(matching.length),
    'x-wp-totalpages': String(totalPages),
    'access-control-expose-headers': 'X-WP-Total, X-WP-TotalPages, Link',
  });
}

/** The wall-clock time an ISO date names, read in the site's zone (UTC) as WordPress does. */
function localTime(iso: string): number {
  return Date.parse(`${iso.slice(0, 19)}Z`);
}

function withoutEmbedUnlessAsked(post: Post, embed: boolean): Record<string, unknown> {
  if (embed) return post;
  const { _embedded: _, ...rest } = post; // eslint-disable-line @typescript-eslint/no-unused-vars -- WordPress embeds only when asked
  return rest;
}
