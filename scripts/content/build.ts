/**
 * `node scripts/content/build.ts --content content --out dist`: the content build on its own,
 * writing the JSON API and images into a folder, incrementally (the Vite plugin runs the
 * same build). `--json` prints one line of figures for benchmarks.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { failureReport } from './problem.ts';
import { writeContent } from './write-content.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    cache: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const started = performance.now();
try {
  const stats = await writeContent({
    contentDir: path.resolve(values.content),
    outDir: path.resolve(values.out),
    ...(values.cache ? { cacheDir: path.resolve(values.cache) } : {}),
  });
  const ms = Math.round(performance.now() - started);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(
    values.json
      ? JSON.stringify({ ...stats, ms, maxRssBytes })
      : `content: ${stats.articles} articles (${stats.scanned} read, ${stats.rendered} rendered), ${stats.written} files written, ${stats.unchanged} unchanged, ${stats.deleted} deleted in ${ms} ms`,
  );
} catch (error) {
  console.error(failureReport('content build', error));
  process.exitCode = 1;
}
