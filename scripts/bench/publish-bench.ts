/**
 * `npm run bench:publish [-- --size 100000 --seed 1 --reuse]`
 *
 * What a newsroom's day costs at archive scale. Builds the whole site (content, search index,
 * HTML, service worker) for a generated archive with `build:site`, then makes three changes an
 * editor makes and rebuilds after each:
 *   1. publishes one new article (the newest of the archive),
 *   2. edits the headline of an article from the middle of the archive,
 *   3. unpublishes that article.
 * For each it prints the seconds of each stage (as `build:site` reports them), the files it
 * changed and deleted and their megabytes (the build's change list: what a deploy uploads),
 * and, measured from outside by comparing the output folder before and after, every file
 * written again, same bytes or not. Also the full
 * build's time, peak memory and size on disk.
 *
 * `--reuse` keeps the output folder of an earlier run when it exists (its full build is then
 * not measured): publishing into an existing archive is what is timed. The changes are undone
 * at the end, so the corpus stays as generated. Not part of the tests: the full build of
 * 100,000 articles takes minutes.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchRoot, ensureCorpus } from './corpus-cache.ts';
import { measure, memoryMethod, type Measurement } from './measure.ts';
import { formatMegabytes, formatSeconds } from './report.ts';
import { repoRoot } from './runners.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    reuse: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '30' },
  },
});

const size = Number(values.size.replaceAll('_', ''));
if (!Number.isInteger(size) || size < 10) {
  console.error(`--size must be a whole number of at least 10, not "${values.size}"`);
  process.exit(2);
}
const timeoutMs = Number(values['timeout-min']) * 60_000;
const log = (line: string) => {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};

/** A file as the output folder holds it: a replaced file has a new inode or time. */
type FileState = { ino: number; mtimeMs: number; size: number; blocks: number };

function snapshot(dir: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { ino, mtimeMs, size: bytes, blocks } = lstatSync(file);
    files.set(path.relative(dir, file), { ino, mtimeMs, size: bytes, blocks });
  }
  return files;
}

type Difference = { written: string[]; deleted: string[]; bytesWritten: number };

function difference(before: Map<string, FileState>, after: Map<string, FileState>): Difference {
  const written: string[] = [];
  let bytesWritten = 0;
  for (const [name, now] of after) {
    const then = before.get(name);
    if (then?.ino === now.ino && then.mtimeMs === now.mtimeMs && then.size === now.size) continue;
    written.push(name);
    bytesWritten += now.size;
  }
  const deleted = [...before.keys()].filter((name) => !after.has(name));
  return { written, deleted, bytesWritten };
}

/** `content: … in 1.2 s` lines of `build:site`: the stage and its seconds. */
function stageSeconds(stdout: string): [string, number][] {
  const stages: [string, number][] = [];
  for (const line of stdout.split('\n')) {
    const match = /^([a-z][a-z -]*?):.* in ([\d.]+) (s|ms)\b/i.exec(line.trim());
    if (match?.[1] === undefined || match[2] === undefined) continue;
    stages.push([match[1], Number(match[2]) / (match[3] === 'ms' ? 1000 : 1)]);
  }
  return stages;
}

async function buildSite(corpusDir: string, outDir: string): Promise<Measurement> {
  const result = await measure(
    process.execPath,
    [path.join(repoRoot, 'scripts/build/build-site.ts'), '--content', corpusDir, '--out', outDir],
    { cwd: repoRoot, timeoutMs },
  );
  if (result.exitCode !== 0) {
    throw new Error(
      `build:site failed (exit ${result.exitCode ?? result.signal}):\n${result.stderr.slice(-4000)}`,
    );
  }
  return result;
}

/**
 * The build's own change list (`.changes/latest.txt`): the files whose bytes changed, which a
 * deploy uploads (W) and deletes (D). The outside comparison also counts files rewritten with
 * the same bytes.
 */
type Listed = { written: string[]; deleted: string[]; bytesWritten: number };

function listed(outDir: string, after: Map<string, FileState>): Listed {
  const lines = readFileSync(path.join(outDir, '.changes', 'latest.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const written = lines.filter((line) => line.startsWith('W ')).map((line) => line.slice(2));
  const deleted = lines.filter((line) => line.startsWith('D ')).map((line) => line.slice(2));
  const bytesWritten = written.reduce(
    (sum, name) => sum + (after.get(name.split('/').join(path.sep))?.size ?? 0),
    0,
  );
  return { written, deleted, bytesWritten };
}

type Step = { name: string; measurement: Measurement; difference: Difference; listed: Listed };

async function step(
  name: string,
  corpusDir: string,
  outDir: string,
  change: () => Promise<void>,
): Promise<Step> {
  const before = snapshot(outDir);
  await change();
  log(`${name}: building`);
  const measurement = await buildSite(corpusDir, outDir);
  const after = snapshot(outDir);
  const result = {
    name,
    measurement,
    difference: difference(before, after),
    listed: listed(outDir, after),
  };
  log(
    `${name}: ${formatSeconds(measurement.wallMs)}, ${result.listed.written.length} files changed, ${result.listed.deleted.length} deleted (${result.difference.written.length} rewritten on disk)`,
  );
  return result;
}

/** The front matter line `key: value` of a Markdown article, replaced. */
function withField(text: string, key: string, value: string): string {
  const pattern = new RegExp(`^${key}: .*$`, 'm');
  if (!pattern.test(text)) throw new Error(`no "${key}:" line in the article`);
  return text.replace(pattern, `${key}: ${value}`);
}

const corpusDir = await ensureCorpus(size, values.seed, log);
const articlesDir = path.join(corpusDir, 'articles');
const outDir = path.join(benchRoot, `publish-${size}-seed-${values.seed}`, 'dist');
const names = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.md'))
  .sort();
const newest = names.at(-1);
/**
 * The article to edit and take down: from the middle of the archive, the first that no other
 * article links to (a link to an article taken down is allowed, but leads to a page that is
 * gone: a newsroom would take down such an article last).
 */
async function unlinkedFromMiddle(): Promise<string | undefined> {
  const linked = new Set<string>();
  for (const name of names) {
    const text = await readFile(path.join(articlesDir, name), 'utf8');
    for (const match of text.matchAll(/\]\(([^)\s]+)\)|^related: \[(.*)\]$/gm)) {
      for (const slug of (match[1] ?? match[2] ?? '').split(',')) linked.add(slug.trim());
    }
  }
  return names
    .slice(Math.floor(names.length / 2))
    .find((name) => !linked.has(name.replace(/\.md$/, '')));
}
const middle = await unlinkedFromMiddle();
if (newest === undefined || middle === undefined) throw new Error(`no articles in ${articlesDir}`);
const newFile = path.join(articlesDir, `zz-bench-new-article.md`);
const middleFile = path.join(articlesDir, middle);
const middleText = await readFile(middleFile, 'utf8');
// Taken down as a newsroom does (and sync does): the file moves to content/unpublished/.
const parked = path.join(corpusDir, 'unpublished', middle);

let full: Measurement | undefined;
if (!values.reuse || !existsSync(path.join(outDir, 'index.html'))) {
  rmSync(path.dirname(outDir), { recursive: true, force: true });
  log(`full build of ${size} articles into ${outDir}`);
  full = await buildSite(corpusDir, outDir);
  log(`full build: ${formatSeconds(full.wallMs)}`);
} else {
  log(`reusing the site built in ${outDir}`);
  // Whatever an interrupted run left is built once first, so the steps start from the corpus.
  await buildSite(corpusDir, outDir);
}
const site = snapshot(outDir);
const siteBytes = [...site.values()].reduce((sum, file) => sum + file.size, 0);
const siteDisk = [...site.values()].reduce((sum, file) => sum + file.blocks * 512, 0);

const steps: Step[] = [];
try {
  const newestText = await readFile(path.join(articlesDir, newest), 'utf8');
  const now = new Date(Date.now() - (Date.now() % 60_000)).toISOString().replace('.000Z', 'Z');
  steps.push(
    await step('publish one new article', corpusDir, outDir, () =>
      writeFile(
        newFile,
        [
          ['slug', 'bench-breaking-news-from-the-newsroom'],
          ['title', '"Breaking: the newsroom publishes a new story into its archive"'],
          ['published', now],
          ['modified', now],
        ].reduce((text, [key, value]) => withField(text, key ?? '', value ?? ''), newestText),
      ),
    ),
  );
  steps.push(
    await step('edit one headline', corpusDir, outDir, () =>
      writeFile(
        middleFile,
        withField(middleText, 'title', '"A corrected headline for an article in the archive"'),
      ),
    ),
  );
  steps.push(
    await step('unpublish one article', corpusDir, outDir, async () => {
      await mkdir(path.dirname(parked), { recursive: true });
      await rename(middleFile, parked);
    }),
  );
} finally {
  // The corpus goes back to what the generator made; the next run rebuilds from it.
  rmSync(newFile, { force: true });
  if (existsSync(parked)) await rename(parked, middleFile);
  await writeFile(middleFile, middleText);
}

/** What a site file is, for counting: `api/tags`, `page/N`, `category`, `article page`. */
function kindOfFile(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'api') return parts.slice(0, 2).join('/');
  if (parts.length === 1) return file;
  if (parts[0] === 'page') return 'page/N';
  if (parts.length === 2 && parts[1] === 'index.html') return 'article page';
  return parts[0] ?? file;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const lines = [
  `## Publishing into a ${size.toLocaleString('en')}-article archive`,
  '',
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; output on ${outDir}.`,
  '',
  '| change | stages (s) | total | files changed | deleted | MB changed | files rewritten on disk | MB rewritten |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...steps.map(({ name, measurement, difference: change, listed: list }) => {
    const stages = stageSeconds(measurement.stdout)
      .map(([stage, seconds]) => `${stage} ${seconds.toFixed(2)}`)
      .join(', ');
    return `| ${name} | ${stages} | ${formatSeconds(measurement.wallMs)} | ${list.written.length} | ${list.deleted.length} | ${mb(list.bytesWritten)} | ${change.written.length} | ${mb(change.bytesWritten)} |`;
  }),
  '',
  '"Changed" is the build\'s change list (`.changes/latest.txt`: files whose bytes changed, what a deploy uploads); "rewritten on disk" compares the output folder before and after (inode, time, size), so it also counts files written again with the same bytes.',
  '',
  full === undefined
    ? 'Full build: not measured (--reuse).'
    : `Full build: ${formatSeconds(full.wallMs)}, peak memory ${formatMegabytes(full.peakBytes)} MB (${memoryMethod}).`,
  `Site: ${site.size.toLocaleString('en')} files, ${formatMegabytes(siteBytes)} MB (${formatMegabytes(siteDisk)} MB on disk).`,
  '',
  'Files changed per change, by folder:',
  ...steps.map(({ name, listed: list }) => {
    const byFolder = new Map<string, number>();
    for (const file of list.written) {
      const folder = kindOfFile(file);
      byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
    }
    const folders = [...byFolder]
      .sort((a, b) => b[1] - a[1])
      .map(([folder, count]) => `${folder} ${count}`)
      .join(', ');
    return `- ${name}: ${folders}`;
  }),
];
console.log(lines.join('\n'));
