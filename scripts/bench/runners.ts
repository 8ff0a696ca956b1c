/**
 * The two builds under test, each run as a child process through measure.ts: our content
 * build's CLI (never imported, so the benchmark keeps working while its insides change) and
 * Eleventy 3 building the same Markdown into HTML.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { benchRoot } from './corpus-cache.ts';
import { measure, type Measurement } from './measure.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const buildScript = path.join(repoRoot, 'scripts/content/build.ts');
const eleventyPackage = path.join(repoRoot, 'node_modules/@11ty/eleventy');
const eleventyConfig = path.join(repoRoot, 'scripts/bench/eleventy/eleventy.config.js');
/**
 * Our build runs from a folder of its own, so its default cache (`node_modules/.cache/
 * news-reader-content` under the working folder) is not the one of the project's dev server
 * and tests, and their builds cannot warm ours.
 */
const ourCwd = path.join(benchRoot, 'build-cwd');
const CACHE = 'node_modules/.cache/news-reader-content';
export const SOURCES_CHANGED = 'build sources changed during the run';
/** What our build is made of (tests aside), watched for edits during a run. */
const SOURCE_DIRS = ['scripts/content', 'src/contract', 'src/config'];

/** The line `build.ts --json` prints. */
export type BuildStats = {
  articles: number;
  /** Articles read and parsed, when the build says (`scanned`; `parsed` in older builds). */
  scanned: number | undefined;
  written: number;
  unchanged: number;
  ms: number;
  maxRssBytes: number;
};

export type Run = Measurement & {
  /** Why the run does not count; undefined when it built every article. */
  failure: string | undefined;
  /** Creating one 6 KB file beside the output, just before the run: median µs (see probeDisk). */
  diskProbeUs: number;
};

export type OurRun = Run & {
  /** Our build's own figures, when it printed them. */
  stats: BuildStats | undefined;
};

export type RunSettings = {
  timeoutMs: number;
  log: (line: string) => void;
};

export function eleventyVersion(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(path.join(eleventyPackage, 'package.json'), 'utf8'),
  );
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : 'unknown';
}

function parseStats(stdout: string): BuildStats | undefined {
  const line = stdout
    .trim()
    .split('\n')
    .findLast((candidate) => candidate.startsWith('{'));
  if (line === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const number = (key: string) => (typeof record[key] === 'number' ? record[key] : NaN);
    return {
      articles: number('articles'),
      scanned: [record.scanned, record.parsed].find((value) => typeof value === 'number'),
      written: number('written'),
      unchanged: number('unchanged'),
      ms: number('ms'),
      maxRssBytes: number('maxRssBytes'),
    };
  } catch {
    return undefined;
  }
}

/** A short reason a run failed, for the table: timeout, out of memory, or the last error line. */
function describeFailure(run: Measurement, timeoutMs: number): string | undefined {
  if (run.isTimedOut) return `stopped after ${Math.round(timeoutMs / 60_000)} min`;
  if (/heap out of memory|Allocation failed/i.test(run.stderr)) return 'out of memory (JS heap)';
  if (run.signal !== null) return `killed by ${run.signal}`;
  if (run.exitCode !== 0) {
    // An uncaught error ends with Node's version; the error line says more.
    const lines = run.stderr.trim().split('\n');
    const line = lines.find((text) => /\b\w*Error\b/.test(text)) ?? lines.at(-1) ?? '';
    return `exit ${run.exitCode}: ${line.trim().slice(0, 160)}`;
  }
  return undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

async function run(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  settings: RunSettings,
  check: (measurement: Measurement) => string | undefined,
): Promise<Run> {
  const diskProbeUs = await settleDisk(settings.log);
  settings.log(`${label} ... (disk: ${diskProbeUs} µs to create a 6 KB file)`);
  const measurement = await measure(command, args, {
    cwd,
    timeoutMs: settings.timeoutMs,
    onHeartbeat: (elapsed, rss) => {
      settings.log(`${label}: ${seconds(elapsed)}, ${megabytes(rss)} now`);
    },
  });
  const failure = describeFailure(measurement, settings.timeoutMs) ?? check(measurement);
  settings.log(
    `${label}: ${failure ?? 'ok'} in ${seconds(measurement.wallMs)}, peak ${megabytes(measurement.peakBytes)}`,
  );
  return { ...measurement, failure, diskProbeUs };
}

const PROBE_FILES = 2000;
/** A disk creating a file in less than this is at its usual speed. */
const SETTLED_US = 60;
const SETTLE_LIMIT_MS = 180_000;
let probes = 0;

/**
 * Waits, up to three minutes, for the disk to create files at its usual speed again (an
 * earlier run's writes still being flushed slow it down several times), and returns the last
 * probe. Every run, ours and Eleventy's, starts on a disk in the same state.
 */
async function settleDisk(log: (line: string) => void): Promise<number> {
  const start = Date.now();
  let probe = probeDisk();
  while (probe > SETTLED_US && Date.now() - start < SETTLE_LIMIT_MS) {
    log(`disk: ${probe} µs to create a file, waiting for it to settle`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    probe = probeDisk();
  }
  return probe;
}

/**
 * Builds of 100,000 articles create 100,000 files, and on this machine's disk the cost of
 * creating a file swings from about 25 µs to over 300 µs, with what was written and deleted
 * shortly before (earlier runs, the corpus). Before each run the earlier runs' writes are
 * flushed (sync), so no run pays for another's, and the cost of creating a 6 KB file in the
 * benchmark's folder is measured and reported beside the run.
 */
function probeDisk(): number {
  spawnSync('sync');
  // Left in place until the benchmark ends: a deletion would slow the run that follows.
  const dir = path.join(benchRoot, 'runs', `disk-probe-${probes++}`);
  mkdirSync(dir, { recursive: true });
  const data = Buffer.alloc(6000, 'x');
  const times: number[] = [];
  for (let index = 0; index < PROBE_FILES; index++) {
    const start = performance.now();
    writeFileSync(path.join(dir, `probe-${index}.json`), data);
    times.push(performance.now() - start);
  }
  spawnSync('sync');
  times.sort((a, b) => a - b);
  return Math.round((times[PROBE_FILES >> 1] ?? 0) * 1000);
}

/**
 * An empty output folder and no cache: the build starts from nothing. The project's own cache
 * is left alone (the dev server and tests use it); were a later build to use it whatever the
 * working folder, the cold run's own figures would show it (see runOurBuild).
 */
export function coldStart(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(path.join(ourCwd, CACHE), { recursive: true, force: true });
  mkdirSync(ourCwd, { recursive: true });
}

/**
 * When the build's sources last changed. The build is rewritten while it is benchmarked; a run
 * whose worker threads load newer code than its main thread fails or measures neither version.
 */
function latestSourceChange(): number {
  let latest = 0;
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(path.join(repoRoot, dir), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) {
        latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
      }
    }
  }
  return latest;
}

/** Our build: `node scripts/content/build.ts --content <corpus> --out <out> --json`. */
export async function runOurBuild(
  label: string,
  corpusDir: string,
  outDir: string,
  expected: number,
  settings: RunSettings & { isCold: boolean },
): Promise<OurRun> {
  mkdirSync(ourCwd, { recursive: true });
  const args = [buildScript, '--content', corpusDir, '--out', outDir, '--json'];
  const before = latestSourceChange();
  const result = await run(label, process.execPath, args, ourCwd, settings, (measurement) => {
    const stats = parseStats(measurement.stdout);
    if (stats === undefined) return 'no --json line on stdout';
    if (stats.articles !== expected) return `built ${stats.articles} of ${expected} articles`;
    if (settings.isCold && (stats.unchanged > 0 || (stats.scanned ?? expected) < expected)) {
      return `not cold: ${stats.scanned ?? '?'} scanned, ${stats.unchanged} unchanged (a cache was reused)`;
    }
    return undefined;
  });
  if (latestSourceChange() !== before) {
    const changed = SOURCES_CHANGED;
    result.failure = result.failure === undefined ? changed : `${result.failure} (${changed})`;
    settings.log(`${label}: does not count, ${changed}`);
  }
  return { ...result, stats: parseStats(result.stdout) };
}

/**
 * Eleventy's own CLI, from the corpus folder, so no project files of ours are in its way;
 * `heapMb` raises Node's heap limit for a corpus too big for the default.
 */
export function runEleventy(
  label: string,
  corpusDir: string,
  outDir: string,
  expected: number,
  settings: RunSettings & { heapMb: number | undefined },
): Promise<Run> {
  const cli = path.join(eleventyPackage, 'cmd.cjs');
  if (!existsSync(cli)) throw new Error(`Eleventy is not installed: no ${cli}`);
  const args = [
    ...(settings.heapMb === undefined ? [] : [`--max-old-space-size=${settings.heapMb}`]),
    cli,
    '--config',
    eleventyConfig,
    '--input',
    'articles',
    '--output',
    outDir,
    '--quiet',
  ];
  return run(label, process.execPath, args, corpusDir, settings, (measurement) => {
    const wrote = /Wrote (\d+) files?/.exec(measurement.stdout);
    if (wrote === null) return 'no "Wrote N files" line on stdout';
    return Number(wrote[1]) === expected ? undefined : `wrote ${wrote[1]} of ${expected} pages`;
  });
}
