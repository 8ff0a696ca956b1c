/**
 * The benchmark's results as Markdown: one table row per corpus size, the figures of every run
 * beneath it, and the issue's targets checked against the 100,000-article row.
 */
import type { OurRun, Run } from './runners.ts';

export type SizeResult = {
  size: number;
  cold: OurRun[];
  rebuild: OurRun[];
  eleventy: Run[];
  /** Why Eleventy was not run at this size, when it was not. */
  eleventySkipped: string | undefined;
};

/** The issue's targets, for 100,000 articles on the 2-core machine. */
export const TARGETS = { size: 100_000, coldMs: 25_000, peakBytes: 1e9, rebuildMs: 2_000 };

export function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const count = (value: number) => value.toLocaleString('en-GB');
export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const formatMegabytes = (bytes: number) => count(Math.round(bytes / 1e6));

/** Median wall time of the runs that succeeded, or why none did. */
function summary(runs: readonly Run[]): { ms: number | undefined; text: string } {
  const ok = runs.filter((run) => run.failure === undefined);
  const ms = median(ok.map((run) => run.wallMs));
  const failed = runs.find((run) => run.failure !== undefined);
  if (ms === undefined) return { ms, text: failed?.failure ?? '-' };
  const note = failed ? ` (${runs.length - ok.length} of ${runs.length} failed)` : '';
  return { ms, text: `${formatSeconds(ms)}${note}` };
}

/** Highest peak of all runs; "≥" when a run was stopped before it finished. */
function peak(runs: readonly Run[]): string {
  if (runs.length === 0) return '-';
  const bytes = Math.max(...runs.map((run) => run.peakBytes));
  return `${runs.some((run) => run.failure !== undefined) ? '≥ ' : ''}${formatMegabytes(bytes)}`;
}

export function resultsTable(results: readonly SizeResult[]): string {
  const rows = results.map((result) => {
    const ours = summary(result.cold);
    const rebuild = summary(result.rebuild);
    const eleventy = summary(result.eleventy);
    const runs = Math.max(result.cold.length, result.eleventy.length);
    const ratio =
      ours.ms !== undefined && eleventy.ms !== undefined
        ? `${(eleventy.ms / ours.ms).toFixed(2)}×`
        : '-';
    return [
      count(result.size),
      String(runs),
      ours.text,
      ours.ms === undefined ? '-' : count(Math.round(result.size / (ours.ms / 1000))),
      peak(result.cold),
      rebuild.text,
      result.eleventySkipped ?? eleventy.text,
      result.eleventySkipped === undefined ? peak(result.eleventy) : '-',
      ratio,
    ];
  });
  const header = [
    'articles',
    'runs',
    'our build (cold)',
    'articles/s',
    'peak MB',
    'rebuild after 1 edit',
    'Eleventy 3',
    'Eleventy peak MB',
    'Eleventy time / ours',
  ];
  const lines = [header, header.map(() => '---:'), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function describeRun(run: Run): string {
  const memory = [
    `tree ${formatMegabytes(run.peakTreeRssBytes)}`,
    ...(run.maxRssBytes === undefined ? [] : [`ru_maxrss ${formatMegabytes(run.maxRssBytes)}`]),
  ].join(', ');
  const outcome = run.failure === undefined ? '' : ` — ${run.failure}`;
  // Above 100% means more than one core was busy: workers at work.
  const cpu =
    run.cpuMs === undefined
      ? ''
      : `, CPU ${formatSeconds(run.cpuMs)} (${Math.round((run.cpuMs / run.wallMs) * 100)}% of wall)`;
  return `${formatSeconds(run.wallMs)}${cpu}, peak ${formatMegabytes(run.peakBytes)} MB (${memory}); disk ${run.diskProbeUs} µs/file${outcome}`;
}

function describeOurRun(run: OurRun): string {
  const stats = run.stats;
  const own =
    stats === undefined
      ? ''
      : `; build says ${count(stats.ms)} ms, ${formatMegabytes(stats.maxRssBytes)} MB, ` +
        (stats.scanned === undefined ? '' : `${count(stats.scanned)} scanned, `) +
        `${count(stats.written)} written, ${count(stats.unchanged)} unchanged`;
  return `${describeRun(run)}${own}`;
}

/**
 * Once a second: seconds since start, MB of the tree, CPU over that second (200% is both
 * cores) and threads. Shows which phases are serial and where memory builds up.
 */
function timelineText(run: Run): string {
  return run.timeline
    .map((sample, index) => {
      const previous = run.timeline[index - 1] ?? { ms: 0, cpuMs: 0 };
      const cpu = Math.max(0, (sample.cpuMs - previous.cpuMs) / (sample.ms - previous.ms));
      return `${Math.round(sample.ms / 1000)}s ${formatMegabytes(sample.rssBytes)}MB ${Math.round(cpu * 100)}% ${sample.threads}t`;
    })
    .join(' · ');
}

export function runDetails(results: readonly SizeResult[], hasTimeline = false): string {
  const lines: string[] = [];
  const timeline = (run: Run) => {
    if (hasTimeline && run.timeline.length > 0) lines.push(`    - timeline: ${timelineText(run)}`);
  };
  for (const result of results) {
    lines.push(`- ${count(result.size)} articles`);
    result.cold.forEach((run, index) => {
      lines.push(`  - our build, cold, run ${index + 1}: ${describeOurRun(run)}`);
      timeline(run);
      const rebuild = result.rebuild[index];
      if (rebuild) {
        lines.push(`  - our rebuild after 1 edit, run ${index + 1}: ${describeOurRun(rebuild)}`);
        timeline(rebuild);
      }
    });
    result.eleventy.forEach((run, index) => {
      lines.push(`  - Eleventy, cold, run ${index + 1}: ${describeRun(run)}`);
      timeline(run);
    });
  }
  return lines.join('\n');
}

/** The issue's targets against the 100,000-article row, when there is one. */
export function targetCheck(results: readonly SizeResult[]): string {
  const result = results.find((candidate) => candidate.size === TARGETS.size);
  if (result === undefined) return `Targets (100,000 articles): not measured in this run.`;
  const verdict = (isMet: boolean) => (isMet ? 'met' : 'NOT met');
  const cold = summary(result.cold).ms;
  const rebuild = summary(result.rebuild).ms;
  const peakBytes = Math.max(0, ...result.cold.map((run) => run.peakBytes));
  return [
    `Targets (100,000 articles):`,
    `- cold build ≤ 25 s: ${cold === undefined ? `NOT met (${summary(result.cold).text})` : `${verdict(cold <= TARGETS.coldMs)} (${formatSeconds(cold)})`}`,
    `- peak memory ≤ 1 GB: ${verdict(peakBytes <= TARGETS.peakBytes && cold !== undefined)} (${peak(result.cold)} MB)`,
    `- rebuild after 1 edit ≤ 2 s: ${rebuild === undefined ? `NOT met (${summary(result.rebuild).text})` : `${verdict(rebuild <= TARGETS.rebuildMs)} (${formatSeconds(rebuild)})`}`,
  ].join('\n');
}
