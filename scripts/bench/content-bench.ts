/**
 * `npm run bench:content [-- --sizes 1000,10000,100000 --runs 3 --skip-eleventy
 * --eleventy-max 100000 --seed 1 --build-timeout-min 30 --eleventy-timeout-min 30
 * --eleventy-heap-mb 0 --save results.json]`
 *
 * For each size: a generated corpus (cached in the temp folder), then per run our build cold
 * (fresh output folder, no cache), our rebuild after editing one article (same output folder),
 * and Eleventy 3 building the same Markdown cold. Prints a Markdown table of medians to stdout;
 * progress goes to stderr. Not part of the tests: it takes minutes at 100,000 articles.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchRoot, editOneArticle, ensureCorpus, restoreEditedArticle } from './corpus-cache.ts';
import { killRunning, memoryMethod } from './measure.ts';
import { resultsTable, runDetails, targetCheck, type SizeResult } from './report.ts';
import {
  coldStart,
  eleventyVersion,
  runEleventy,
  repoRoot,
  runOurBuild,
  SOURCES_CHANGED,
  type OurRun,
  type Run,
} from './runners.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string' },
    'skip-eleventy': { type: 'boolean', default: false },
    'eleventy-max': { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'build-timeout-min': { type: 'string', default: '30' },
    'eleventy-timeout-min': { type: 'string', default: '30' },
    'eleventy-heap-mb': { type: 'string' },
    save: { type: 'string' },
    timeline: { type: 'boolean', default: false },
  },
});

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number, not "${text}"`);
    process.exit(2);
  }
  return value;
}

const sizes = values.sizes.split(',').map((size) => positive('sizes', size.replaceAll('_', '')));
/** Three runs give a median; one run of 100,000 already takes minutes. */
const runsFor = (size: number) =>
  values.runs === undefined ? (size >= 100_000 ? 1 : 3) : positive('runs', values.runs);
const eleventyMax = positive('eleventy-max', values['eleventy-max']);
const buildTimeoutMs = positive('build-timeout-min', values['build-timeout-min']) * 60_000;
const eleventyTimeoutMs = positive('eleventy-timeout-min', values['eleventy-timeout-min']) * 60_000;
/**
 * Node's default heap limit (about 4.5 GB on this machine) is too small for Eleventy at
 * 100,000 articles, so by default it may use three quarters of the RAM; 0 keeps Node's default.
 */
const heapText = values['eleventy-heap-mb'] ?? String(Math.floor((os.totalmem() * 0.75) / 2 ** 20));
const heapMb = heapText === '0' ? undefined : positive('eleventy-heap-mb', heapText);

const log = (line: string) => {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};

let corpusInUse: string | undefined;
process.on('SIGINT', () => {
  killRunning();
  if (corpusInUse !== undefined) restoreEditedArticle(corpusInUse);
  process.exit(130);
});

function machine(): string {
  const [cpu] = os.cpus();
  return [
    `${os.availableParallelism()} cores (${cpu?.model.trim() ?? 'unknown CPU'})`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    `Eleventy ${eleventyVersion()}`,
  ].join(', ');
}

/** Which build was measured: the commit, and whether the build's sources differ from it. */
function buildVersion(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const commit = git('rev-parse', '--short', 'HEAD');
  if (commit === '') return 'not a git checkout';
  const changes = git(
    'status',
    '--porcelain',
    '--',
    'scripts/content',
    'src/contract',
    'src/config',
  );
  return changes === '' ? commit : `${commit} with uncommitted changes to the build`;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

const ours = { timeoutMs: buildTimeoutMs, log };

/** Our build cold, then again after editing one article, with the same output folder. */
async function ourColdAndRebuild(
  label: string,
  corpusDir: string,
  outDir: string,
  size: number,
  run: number,
): Promise<{ cold: OurRun; rebuild: OurRun | undefined }> {
  coldStart(outDir);
  const cold = await runOurBuild(`${label}: our build, cold`, corpusDir, outDir, size, {
    ...ours,
    isCold: true,
  });
  if (cold.failure !== undefined) return { cold, rebuild: undefined };
  const edited = await editOneArticle(corpusDir, run);
  log(`edited ${path.basename(edited)}`);
  try {
    const rebuild = await runOurBuild(
      `${label}: our rebuild after 1 edit`,
      corpusDir,
      outDir,
      size,
      {
        ...ours,
        isCold: false,
      },
    );
    return { cold, rebuild };
  } finally {
    restoreEditedArticle(corpusDir);
  }
}

async function benchSize(size: number): Promise<SizeResult> {
  const corpusDir = await ensureCorpus(size, values.seed, log);
  corpusInUse = corpusDir;
  const runs = runsFor(size);
  const outFor = (tool: string, run: number) => path.join(runsRoot, `${tool}-${size}-${run}`);
  const eleventySkipped = values['skip-eleventy']
    ? 'skipped'
    : size > eleventyMax
      ? `skipped (> --eleventy-max)`
      : undefined;
  const result: SizeResult = { size, cold: [], rebuild: [], eleventy: [], eleventySkipped };

  for (let run = 1; run <= runs; run++) {
    const label = `${size} articles, run ${run}/${runs}`;
    // A run that edits to the build invalidated is made again, up to twice.
    let cold: OurRun | undefined;
    let rebuild: OurRun | undefined;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const ourOut = outFor('ours', run * 10 + attempt);
      ({ cold, rebuild } = await ourColdAndRebuild(label, corpusDir, ourOut, size, run));
      const wasEdited = [cold, rebuild].some((entry) => entry?.failure?.includes(SOURCES_CHANGED));
      if (!wasEdited || attempt === 3) break;
      log(`${label}: again, the build's sources changed during the run`);
    }
    if (cold) result.cold.push(cold);
    if (rebuild) result.rebuild.push(rebuild);

    if (eleventySkipped === undefined) {
      const eleventyOut = outFor('eleventy', run);
      const eleventy: Run = await runEleventy(
        `${label}: Eleventy, cold`,
        corpusDir,
        eleventyOut,
        size,
        {
          timeoutMs: eleventyTimeoutMs,
          log,
          heapMb,
        },
      );
      result.eleventy.push(eleventy);
    }
    // A build that timed out would only time out again.
    if (cold?.isTimedOut && (eleventySkipped !== undefined || result.eleventy.at(-1)?.isTimedOut))
      break;
  }
  corpusInUse = undefined;
  return result;
}

/**
 * Every run writes into a folder of its own, and all of them are deleted only once the last
 * run is over: on this machine's disk, creating files right after deleting many runs up to
 * twenty times slower, so a deletion between runs would slow the next one down.
 */
const runsRoot = path.join(benchRoot, 'runs');
function clearRuns(): void {
  rmSync(runsRoot, { recursive: true, force: true });
  spawnSync('sync');
}
clearRuns();
// Deletions of an earlier benchmark settle before the first run.
await new Promise((resolve) => setTimeout(resolve, 15_000));

const startLoad = loadAverage();
const buildAtStart = buildVersion();
log(`machine: ${machine()}; load average ${startLoad}`);
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
log("deleting the runs' output folders");
clearRuns();

console.log(`Machine: ${machine()}.`);
const buildAtEnd = buildVersion();
console.log(
  `Build measured: ${buildAtStart}${buildAtEnd === buildAtStart ? '' : ` at the start, ${buildAtEnd} at the end`}.`,
);
console.log(`Load average (1, 5, 15 min) before: ${startLoad}; after: ${loadAverage()}.`);
console.log(`Memory: ${memoryMethod}. MB = 10^6 bytes.`);
console.log(
  `Eleventy: ${heapMb === undefined ? "Node's default heap limit" : `node --max-old-space-size=${heapMb}`}; our build: Node's defaults.`,
);
console.log(
  `Times: wall clock from spawn to exit, median of the runs; peak MB is the highest run.`,
);
console.log(
  `Disk: flushed (sync) before each run; "disk µs/file" is the median time to create a 6 KB file there just before it.`,
);
console.log('');
console.log(resultsTable(results));
console.log('');
console.log(targetCheck(results));
console.log('');
console.log('Runs:');
console.log(runDetails(results, values.timeline));

if (values.save !== undefined) {
  const strip = (run: Run) => ({
    ...run,
    stdout: run.stdout.slice(-2000),
    stderr: run.stderr.slice(-2000),
  });
  const saved = results.map((result) => ({
    ...result,
    cold: result.cold.map(strip),
    rebuild: result.rebuild.map(strip),
    eleventy: result.eleventy.map(strip),
  }));
  writeFileSync(
    values.save,
    `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), results: saved }, null, 2)}\n`,
  );
  log(`results saved to ${values.save}`);
}
