import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A 2x1 PNG: the smallest real image with a size the build can read. */
const PNG_2X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAD0lEQVQImWMwXpVmvCoNAAh2Aoe9++Y8AAAAAElFTkSuQmCC',
  'base64',
);

export type ArticleFields = Record<string, string | undefined>;

/** Front matter for a valid article; override or remove (`undefined`) any line. */
export function article(slug: string, fields: ArticleFields = {}, body = 'A paragraph.'): string {
  const defaults: ArticleFields = {
    slug,
    title: `"Headline of ${slug}"`,
    published: '2023-08-09T19:03:00+01:00',
    section: 'News',
    tags: '[UK]',
    standfirst: 'A standfirst.',
    image: '\n  src: photo.svg\n  alt: A photo\n  width: 2\n  height: 1\n  caption: "A caption [Agency]"',
  };
  const lines = Object.entries({ ...defaults, ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}:${value?.startsWith('\n') ? '' : ' '}${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** Writes a content folder in a fresh temp dir; returns the dir, which is also the display root. */
export async function contentFixture(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'reader-content-'));
  await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
  await mkdir(path.join(root, 'content', 'images'), { recursive: true });
  await writeFile(path.join(root, 'content', 'images', 'photo.png'), PNG_2X1);
  // Articles show the vector one unless a test asks for the photo (which is resized).
  await writeFile(
    path.join(root, 'content', 'images', 'photo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"/>',
  );
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(root, 'content', 'articles', name), text);
  }
  return root;
}
