/**
 * `node scripts/content/build.ts --content content --out dist`: the content build on its own,
 * writing the JSON API and images into a folder (the Vite plugin runs the same build).
 * `--json` prints one line of figures for benchmarks.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent } from './build-content.ts';
import { ContentError } from './problem.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    json: { type: 'boolean', default: false },
  },
});

const started = performance.now();
try {
  const { files, articleCount } = await buildContent({ contentDir: path.resolve(values.content) });
  const out = path.resolve(values.out);
  for (const [name, body] of files) {
    const target = path.join(out, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, body);
  }
  const stats = {
    articles: articleCount,
    written: files.size,
    unchanged: 0,
    ms: Math.round(performance.now() - started),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(values.json ? JSON.stringify(stats) : `content: ${stats.articles} articles, ${stats.written} files written in ${stats.ms} ms`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
