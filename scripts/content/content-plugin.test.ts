import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentPlugin } from './content-plugin.ts';
import { article, contentFixture } from './test/fixture.ts';

async function viteBuild(root: string) {
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title><p>app</p>');
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [contentPlugin({ contentDir: path.join(root, 'content') })],
    build: { outDir: path.join(root, 'dist'), emptyOutDir: true },
  });
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('vite build with the content plugin', () => {
  it('emits the JSON API and images into the bundle', async () => {
    const root = await contentFixture({ 'a.md': article('a') });
    await viteBuild(root);
    const page = JSON.parse(await readFile(path.join(root, 'dist/api/latest/front.json'), 'utf8')) as {
      total: number;
    };
    expect(page.total).toBe(1);
    expect(await exists(path.join(root, 'dist/api/articles/a.json'))).toBe(true);
    expect(await exists(path.join(root, 'dist/images/photo.svg'))).toBe(true);
  });

  it('fails on bad content with every problem named, and writes nothing', async () => {
    const root = await contentFixture({ 'a.md': article('a', { title: undefined }) });
    await expect(viteBuild(root)).rejects.toThrow(/content\/articles\/a\.md:1: title: missing title/);
    expect(await exists(path.join(root, 'dist'))).toBe(false);
  });

  it('leaves the previous good bundle whole when a rebuild fails', async () => {
    const root = await contentFixture({ 'a.md': article('a') });
    await viteBuild(root);
    await writeFile(path.join(root, 'content/articles/b.md'), article('a'));
    await expect(viteBuild(root)).rejects.toThrow(/duplicate slug "a"/);
    expect(await exists(path.join(root, 'dist/api/articles/a.json'))).toBe(true);
    expect(await exists(path.join(root, 'dist/index.html'))).toBe(true);
  });
});
