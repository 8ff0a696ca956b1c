import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArticleSchema } from '../../src/contract/article.ts';
import { startServer, type TestServer } from '../import/test/server.ts';
import { buildContent } from './build-content.ts';
import { article, contentFixture } from './test/fixture.ts';
import { writeContent } from './write-content.ts';

let server: TestServer;
let photo: Buffer;
let turned: Buffer;
let busyAnswers = 0;

beforeAll(async () => {
  photo = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: 200, g: 90, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  // Stored 600x400 with EXIF orientation 6: the picture stands 400 wide and 600 high.
  turned = await sharp({
    create: { width: 600, height: 400, channels: 3, background: { r: 20, g: 90, b: 140 } },
  })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
  const pixel = await sharp({
    create: { width: 1, height: 1, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .png()
    .toBuffer();
  server = await startServer((url) => {
    switch (url.pathname) {
      case '/photo.jpg':
        return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: photo };
      case '/same-photo-other-url.jpg':
        return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: photo };
      case '/turned.jpg':
        return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: turned };
      case '/pixel.png':
        return { status: 200, headers: { 'content-type': 'image/png' }, body: pixel };
      case '/busy-once.jpg':
        // A host under load: the first answer is a 503, the next the photo.
        busyAnswers++;
        return busyAnswers === 1
          ? { status: 503, body: 'busy' }
          : { status: 200, headers: { 'content-type': 'image/jpeg' }, body: photo };
      case '/page.jpg':
        return { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>Not found</p>' };
      default:
        return undefined;
    }
  });
});

afterAll(() => server.close());

function remoteHero(url: string, width = 100, height = 50): string {
  return `\n  src: ${url}\n  alt: A photo\n  width: ${width}\n  height: ${height}\n  caption: "A caption [Agency]"`;
}

async function buildWith(
  files: Record<string, string>,
  root?: string,
  mayDownload?: (url: string) => boolean,
  // The tests' photo host is on this machine's loopback, which a build refuses unless allowed.
  allowHosts: readonly string[] = ['127.0.0.1'],
) {
  const dir = root ?? (await contentFixture(files));
  const warnings: string[] = [];
  const output = await buildContent({
    contentDir: path.join(dir, 'content'),
    rootDir: dir,
    warn: (message) => warnings.push(message),
    allowHosts,
    ...(mayDownload ? { mayDownload } : {}),
  });
  const articleOf = (slug: string) => {
    const text = output.files.get(`api/articles/${slug}.json`);
    if (typeof text !== 'string') throw new Error(`no article ${slug}`);
    return v.parse(ArticleSchema, JSON.parse(text));
  };
  return { root: dir, output, warnings, articleOf };
}

describe('photos named by URL become the site’s own', () => {
  it('downloads the hero and body photos once, with their true size, and publishes their variants', async () => {
    const body = [
      'A paragraph.',
      '',
      `![A body photo](${server.origin}/turned.jpg "Body caption [Photographer]")`,
    ].join('\n');
    const { root, output, warnings, articleOf } = await buildWith({
      'a.md': article('a', { image: remoteHero(`${server.origin}/photo.jpg`) }, body),
      'b.md': article('b', { image: remoteHero(`${server.origin}/same-photo-other-url.jpg`) }),
    });
    expect(warnings).toEqual([]);
    const a = articleOf('a');
    // The source said 100x50; the file is 1600x900.
    expect(a.image).toMatchObject({
      src: expect.stringMatching(/^\/images\/remote\/[0-9a-f]{32}\.jpg$/) as string,
      width: 1600,
      height: 900,
      widths: [480, 800, 1200, 1600],
      caption: 'A caption',
      credit: 'Agency',
    });
    // Two URLs of the same bytes are one file.
    expect(articleOf('b').image?.src).toBe(a.image?.src);
    const bodyImage = a.body.find((block) => block.type === 'image');
    expect(bodyImage?.type === 'image' && bodyImage.image).toMatchObject({
      width: 400,
      height: 600,
      caption: 'Body caption',
      credit: 'Photographer',
    });
    const heroName = (a.image?.src ?? '').replace('/images/', '');
    expect(output.files.get(`images/${heroName}`)).toEqual(photo);
    for (const variant of ['480.avif', '800.webp', '1600.jpg']) {
      expect(output.files.has(`images/${heroName.replace('.jpg', `-${variant}`)}`)).toBe(true);
    }

    // A second build asks the network for nothing and encodes nothing again.
    const asked = server.requests.length;
    const cache = path.join(root, '.cache/images/remote');
    const before = await Promise.all(
      (await readdir(cache)).map(async (name) => [name, (await stat(path.join(cache, name))).mtimeMs]),
    );
    const again = await buildWith({}, root);
    expect(server.requests.length).toBe(asked);
    expect(again.articleOf('a').image?.src).toBe(a.image?.src);
    const after = await Promise.all(
      (await readdir(cache)).map(async (name) => [name, (await stat(path.join(cache, name))).mtimeMs]),
    );
    expect(after).toEqual(before);
  });

  it('leaves out a photo that cannot be downloaded, names the article and the URL, and still builds', async () => {
    const missing = `${server.origin}/gone.jpg`;
    const notAnImage = `${server.origin}/page.jpg`;
    const pixel = `${server.origin}/pixel.png`;
    const { warnings, articleOf } = await buildWith({
      'a.md': article('a', { image: remoteHero(missing) }, `Text.\n\n![A chart](${notAnImage})`),
      'b.md': article('b', { image: remoteHero(pixel) }),
    });
    expect(warnings.sort()).toEqual([
      `content/articles/a.md: image ${missing} could not be downloaded (HTTP 404 Not Found); the article is published without it`,
      `content/articles/a.md: image ${notAnImage} could not be downloaded (not an image (JPEG, PNG, WebP, AVIF or GIF)); the article is published without it`,
      `content/articles/b.md: image ${pixel} could not be downloaded (a 1x1 tracking pixel, not a photo); the article is published without it`,
    ]);
    const a = articleOf('a');
    expect(a.image).toBeUndefined();
    expect(a.body.map((block) => block.type)).toEqual(['paragraph']);
    expect(articleOf('b').image).toBeUndefined();
  });

  it('tries a photo again when its host answers 503, and asks nothing of a host it may not download from', async () => {
    const busy = `${server.origin}/busy-once.jpg`;
    const forbidden = `${server.origin}/photo.jpg?forbidden`;
    const asked = server.requests.length;
    const { warnings, articleOf } = await buildWith(
      {
        'a.md': article('a', { image: remoteHero(busy) }),
        'b.md': article('b', { image: remoteHero(forbidden) }),
      },
      undefined,
      (url) => !url.endsWith('?forbidden'),
    );
    expect(articleOf('a').image).toMatchObject({ width: 1600, height: 900 });
    expect(busyAnswers).toBe(2);
    expect(warnings).toEqual([
      `content/articles/b.md: image ${forbidden} could not be downloaded (its host is not one the build may download from); the article is published without it`,
    ]);
    expect(articleOf('b').image).toBeUndefined();
    expect(server.requests.slice(asked)).toEqual(['/busy-once.jpg', '/busy-once.jpg']);
  });

  it('publishes downloaded photos on disk too, and a rebuild writes none of them again', async () => {
    const root = await contentFixture({
      'a.md': article('a', { image: remoteHero(`${server.origin}/photo.jpg`) }),
    });
    const options = {
      contentDir: path.join(root, 'content'),
      outDir: path.join(root, 'dist'),
      rootDir: root,
      allowHosts: ['127.0.0.1'],
      warn: (message: string) => {
        throw new Error(message);
      },
    };
    await writeContent(options);
    const published = await readdir(path.join(root, 'dist/images/remote'));
    // The photo and 3 formats at 4 widths.
    expect(published).toHaveLength(13);
    const again = await writeContent(options);
    expect(again.written).toBe(0);
  });
});

describe('hostile source: photos over plain http, from unlisted hosts, or of other schemes', () => {
  it('downloads no photo over plain http from another machine, and says so', async () => {
    const hero = 'http://photos.example.org/harbour.jpg';
    const inBody = 'HTTP://PHOTOS.EXAMPLE.ORG/chart.png';
    const asked = server.requests.length;
    const { warnings, articleOf } = await buildWith({
      'a.md': article('a', { image: remoteHero(hero) }, `Text.\n\n![A chart](${inBody})`),
    });
    const reason = 'plain http: photos are downloaded only over https, which nobody on the way can alter';
    expect(warnings.sort()).toEqual([
      `content/articles/a.md: image ${inBody} could not be downloaded (${reason}); the article is published without it`,
      `content/articles/a.md: image ${hero} could not be downloaded (${reason}); the article is published without it`,
    ]);
    expect(articleOf('a').image).toBeUndefined();
    expect(articleOf('a').body.map((block) => block.type)).toEqual(['paragraph']);
    expect(server.requests.length).toBe(asked);
  });

  it.each([
    ['the cloud metadata service', 'https://169.254.169.254/latest/meta-data/photo.jpg', ''],
    ['a name for this machine', 'https://localhost:1/photo.jpg', ' is at '],
    ['an IPv4 address written as IPv6', 'https://[::ffff:7f00:1]:1/photo.jpg', ''],
  ])('asks nothing of %s, and leaves the photo out', async (_, url, address) => {
    const { warnings, articleOf } = await buildWith(
      { 'a.md': article('a', { image: remoteHero(url) }) },
      undefined,
      undefined,
      [],
    );
    const host = new URL(url);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `content/articles/a.md: image ${url} could not be downloaded (${host.hostname}${address}`,
    );
    expect(warnings[0]).toContain(
      `: a private, loopback or link-local address; not downloaded (allow it with READER_ALLOW_HOSTS=${host.host})); the article is published without it`,
    );
    expect(articleOf('a').image).toBeUndefined();
  });

  it('asks nothing of a server on this machine unless the builder allowed it', async () => {
    const url = `${server.origin}/photo.jpg`;
    const asked = server.requests.length;
    const refused = await buildWith({ 'a.md': article('a', { image: remoteHero(url) }) }, undefined, undefined, []);
    expect(refused.warnings[0]).toContain('a private, loopback or link-local address; not downloaded');
    expect(server.requests.length).toBe(asked);
    const allowed = await buildWith({ 'a.md': article('a', { image: remoteHero(url) }) });
    expect(allowed.warnings).toEqual([]);
    expect(allowed.articleOf('a').image?.width).toBeGreaterThan(1);
  });

  it('asks nothing of a photo host the build is not allowed, and leaves the hero out', async () => {
    const unlisted = 'https://tracker.example.net/pixel.jpg?reader=1';
    const { warnings, articleOf } = await buildWith(
      { 'a.md': article('a', { image: remoteHero(unlisted) }) },
      undefined,
      (url) => new URL(url).hostname === '127.0.0.1',
    );
    expect(warnings).toEqual([
      `content/articles/a.md: image ${unlisted} could not be downloaded (its host is not one the build may download from); the article is published without it`,
    ]);
    expect(articleOf('a').image).toBeUndefined();
  });

  it.each([
    'data:image/svg+xml,<svg onload=alert(1)>',
    'javascript:alert(1)',
    '//evil.example/x.jpg',
    '../../../etc/passwd',
  ])('refuses a hero of %s as no photo of the site', async (src) => {
    const root = await contentFixture({ 'a.md': article('a', { image: remoteHero(JSON.stringify(src)) }) });
    const error: unknown = await buildContent({
      contentDir: path.join(root, 'content'),
      rootDir: root,
    }).catch((reason: unknown) => reason);
    expect(String(error)).toContain(
      `content/articles/a.md:9: image.src: image ${JSON.stringify(src)} not found in content/images/`,
    );
  });

  it('prints a warning with its escape sequences written out, never run', async () => {
    const root = await contentFixture({
      'a.md': article('a', { image: remoteHero('"https://example.org/\\e]0;pwned\\a.jpg"') }),
    });
    const printed: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      printed.push(...args);
    });
    try {
      await buildContent({
        contentDir: path.join(root, 'content'),
        rootDir: root,
        mayDownload: () => false,
      });
    } finally {
      warn.mockRestore();
    }
    expect(printed).toEqual([
      'warning: content/articles/a.md: image https://example.org/\\x1b]0;pwned\\x07.jpg could not be downloaded (its host is not one the build may download from); the article is published without it',
    ]);
  });
});
