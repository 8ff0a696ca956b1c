/**
 * Runs a command as a child process and measures it from outside: wall time from spawn to
 * exit, and peak memory of the whole process tree, so that a build using worker threads or
 * child processes is measured the same way as one that does not.
 *
 * Memory is the larger of two figures:
 * - the highest sum of VmRSS over the child and all its descendants, read from `/proc` every
 *   50 ms (catches trees of processes; can miss a peak shorter than the interval);
 * - the child's ru_maxrss as GNU time reports it (`/usr/bin/time -f %M`), when that exists:
 *   exact for the process and its threads, but the largest single process, not a sum.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type RunOptions = {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (the whole process group) after this long. */
  timeoutMs: number;
  /** Called every `heartbeatMs` while the command runs, for progress lines. */
  onHeartbeat?: (elapsedMs: number, currentTreeRssBytes: number) => void;
  heartbeatMs?: number;
};

/** The process tree once a second: how memory and CPU use change over a run. */
export type Sample = {
  ms: number;
  rssBytes: number;
  /** CPU time used so far by the processes alive now (user + system). */
  cpuMs: number;
  threads: number;
  processes: number;
};

export type Measurement = {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  isTimedOut: boolean;
  wallMs: number;
  /** Highest sum of VmRSS over the process tree seen while polling. */
  peakTreeRssBytes: number;
  /** The child's ru_maxrss from GNU time; undefined without /usr/bin/time. */
  maxRssBytes: number | undefined;
  /** User + system CPU time of the child and its descendants, from GNU time. */
  cpuMs: number | undefined;
  timeline: Sample[];
  /** max(peakTreeRssBytes, maxRssBytes): what the tables report. */
  peakBytes: number;
  stdout: string;
  stderr: string;
};

const POLL_MS = 50;
const SAMPLE_MS = 1000;
const KEEP_OUTPUT = 64 * 1024;
const GNU_TIME = '/usr/bin/time';

/** Whether `/usr/bin/time` is GNU time and can write `%M` (max RSS, KiB) to a file. */
export const hasGnuTime = (() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  try {
    const file = path.join(dir, 'probe');
    const probe = spawnSync(GNU_TIME, ['-f', '%M', '-o', file, 'true'], { stdio: 'ignore' });
    return probe.status === 0 && /^\d+\s*$/.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

export const memoryMethod = hasGnuTime
  ? `peak of the process tree: max(sum of VmRSS over the child and its descendants, polled every ${POLL_MS} ms; the child's ru_maxrss from ${GNU_TIME})`
  : `peak of the process tree: sum of VmRSS over the child and its descendants, polled every ${POLL_MS} ms (no GNU time at ${GNU_TIME})`;

type ProcessInfo = { pid: number; ppid: number; cpuTicks: number; threads: number };

/** Clock ticks per second of the CPU times in `/proc/<pid>/stat`. */
const CLOCK_TICKS = (() => {
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
})();

/**
 * Every process, from `/proc/<pid>/stat`: after the command name come state, ppid (field 4),
 * ..., utime and stime (14, 15), ..., num_threads (20).
 */
function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .map(Number);
      table.push({
        pid: Number(entry),
        ppid: fields[1] ?? 0,
        cpuTicks: (fields[11] ?? 0) + (fields[12] ?? 0),
        threads: fields[17] ?? 0,
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

function treeOf(root: number): ProcessInfo[] {
  const table = processTable();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of table) {
    const siblings = children.get(info.ppid);
    if (siblings) siblings.push(info);
    else children.set(info.ppid, [info]);
  }
  const tree = table.filter((info) => info.pid === root);
  for (let index = 0; index < tree.length; index++) {
    tree.push(...(children.get(tree[index]?.pid ?? -1) ?? []));
  }
  return tree;
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Keeps the end of a stream: the summary line or the error is what we need. */
function tail(chunks: Buffer[]): string {
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > KEEP_OUTPUT ? text.slice(-KEEP_OUTPUT) : text;
}

let running: number | undefined;

/** Kills the process group of the command in progress, e.g. when the benchmark is interrupted. */
export function killRunning(): void {
  if (running === undefined) return;
  try {
    process.kill(-running, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export async function measure(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<Measurement> {
  const dir = hasGnuTime ? mkdtempSync(path.join(os.tmpdir(), 'bench-run-')) : undefined;
  const timeFile = dir && path.join(dir, 'maxrss');
  const [file, argv] = timeFile
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]]
    : [command, [...args]];

  const started = performance.now();
  // Its own process group, so that a timeout ends the whole tree and nothing else.
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const root = child.pid;
  if (root === undefined) throw new Error(`could not start ${command}`);
  running = root;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

  let peakTreeRssBytes = 0;
  let currentTreeRssBytes = 0;
  const timeline: Sample[] = [];
  let polls = 0;
  const poll = setInterval(() => {
    // GNU time's own few MB are not the command's.
    const tree = treeOf(root).filter((info) => !(timeFile && info.pid === root));
    currentTreeRssBytes = tree.reduce((sum, info) => sum + rssBytes(info.pid), 0);
    peakTreeRssBytes = Math.max(peakTreeRssBytes, currentTreeRssBytes);
    if (++polls % (SAMPLE_MS / POLL_MS) === 0) {
      timeline.push({
        ms: Math.round(performance.now() - started),
        rssBytes: currentTreeRssBytes,
        cpuMs: (tree.reduce((sum, info) => sum + info.cpuTicks, 0) * 1000) / CLOCK_TICKS,
        threads: tree.reduce((sum, info) => sum + info.threads, 0),
        processes: tree.length,
      });
    }
  }, POLL_MS);
  const heartbeat =
    options.onHeartbeat &&
    setInterval(() => {
      options.onHeartbeat?.(performance.now() - started, currentTreeRssBytes);
    }, options.heartbeatMs ?? 30_000);
  let isTimedOut = false;
  const timeout = setTimeout(() => {
    isTimedOut = true;
    killRunning();
  }, options.timeoutMs);

  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, closeSignal) => {
        resolve([code, closeSignal]);
      });
    },
  ).finally(() => {
    clearInterval(poll);
    clearInterval(heartbeat);
    clearTimeout(timeout);
    running = undefined;
  });
  const wallMs = performance.now() - started;

  let maxRssBytes: number | undefined;
  let cpuMs: number | undefined;
  if (timeFile) {
    // GNU time writes "Command exited with non-zero status N" before the figure on failure.
    let figures = '';
    try {
      figures = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
    } catch {
      // Killed before GNU time could write.
    }
    const match = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(figures);
    if (match) {
      maxRssBytes = Number(match[1]) * 1024;
      cpuMs = (Number(match[2]) + Number(match[3])) * 1000;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    exitCode,
    signal,
    isTimedOut,
    wallMs,
    peakTreeRssBytes,
    maxRssBytes,
    cpuMs,
    timeline,
    peakBytes: Math.max(peakTreeRssBytes, maxRssBytes ?? 0),
    stdout: tail(stdout),
    stderr: tail(stderr),
  };
}
