/**
 * `npm run deploy -- --to DIR [--from dist] [--purge-list FILE]`: brings a folder a web server
 * serves (a web root on this machine, or one mounted from the host) up to date with a built
 * site, copying only what the builds changed (their change lists, decision 023).
 *
 * The folder remembers the last build it received (`.deployed`, the name of that build's
 * list in `<from>/.changes/history/`); the lists of every build since are applied oldest
 * first, so a deploy that skipped builds misses nothing. With no record, or one older than the
 * history keeps, every file is copied and files the site no longer has are deleted.
 *
 * Order, so a reader never meets a page pointing at a file not there yet: new files other
 * than pages first (code, photos, JSON), then pages, then the service worker, then
 * deletions. Each file is copied beside its target and renamed into place. Object storage
 * behind a CDN is deployed by the commands in docs/deploying.md, from the same lists.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHANGES_DIR, parseChanges, type Change, type ChangeLines } from '../build/change-list.ts';

/** The deployed folder's record of the last build it received. */
export const DEPLOYED_FILE = '.deployed';

export type DeployResult = {
  /** `changes`: the lists since the last deploy; `full`: every file copied. */
  mode: 'changes' | 'full';
  /** Builds whose lists were applied. */
  builds: number;
  copied: string[];
  deleted: string[];
  /** Addresses a CDN in front of the folder must purge: every copied and deleted file's. */
  purge: string[];
};

const isBookkeeping = (name: string) => name.split('/').some((part) => part.startsWith('.'));

/** Every served file under `dir`, as a `/`-separated path. */
function servedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((name) => !isBookkeeping(name));
}

/** Where a file stands in the order of copying: pages after what they use, the worker last. */
function rank(name: string): number {
  if (name === 'sw.js') return 2;
  return name.endsWith('.html') ? 1 : 0;
}

/** The addresses a file is served at: a page `x/index.html` also at `/x/`. */
export function addressesOf(name: string): string[] {
  if (name === 'index.html') return ['/', '/index.html'];
  if (name.endsWith('/index.html')) return [`/${name.slice(0, -'index.html'.length)}`, `/${name}`];
  return [`/${name}`];
}

/** The changes to apply: the lists after the last deployed one, merged, or undefined for a full deploy. */
function pendingChanges(from: string, deployed: string | undefined) {
  const historyDir = path.join(from, CHANGES_DIR, 'history');
  const lists = existsSync(historyDir)
    ? readdirSync(historyDir)
        .filter((name) => name.endsWith('.txt'))
        .sort()
    : [];
  const at = deployed === undefined ? -1 : lists.indexOf(deployed);
  if (at === -1) return { lists, changes: undefined };
  const changes: ChangeLines = new Map();
  for (const list of lists.slice(at + 1)) {
    for (const [name, change] of parseChanges(readFileSync(path.join(historyDir, list), 'utf8'))) {
      changes.set(name, change);
    }
  }
  return { lists: lists.slice(at + 1), changes };
}

export function deployFolder(options: { from: string; to: string }): DeployResult {
  const from = path.resolve(options.from);
  const to = path.resolve(options.to);
  if (!existsSync(path.join(from, 'index.html'))) {
    throw new Error(`${from} is not a built site (no index.html): run npm run build first`);
  }
  const recordFile = path.join(to, DEPLOYED_FILE);
  const deployed = existsSync(recordFile) ? readFileSync(recordFile, 'utf8').trim() : undefined;
  const { lists, changes } = pendingChanges(from, deployed);

  let plan: [string, Change][];
  if (changes === undefined) {
    const site = new Set(servedFiles(from));
    plan = [
      ...[...site].map((name): [string, Change] => [name, 'W']),
      ...servedFiles(to)
        .filter((name) => !site.has(name))
        .map((name): [string, Change] => [name, 'D']),
    ];
  } else {
    plan = [...changes].filter(([name]) => !isBookkeeping(name));
  }
  const copies = plan
    .filter(([, change]) => change === 'W')
    .map(([name]) => name)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const deletions = plan
    .filter(([, change]) => change === 'D')
    .map(([name]) => name)
    .sort();

  const copied: string[] = [];
  for (const name of copies) {
    const source = path.join(from, name);
    // A later build may have deleted what an earlier one wrote: its own line says so.
    if (!existsSync(source)) continue;
    const target = path.join(to, name);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, `${target}.deploying`);
    renameSync(`${target}.deploying`, target);
    copied.push(name);
  }
  const deleted: string[] = [];
  for (const name of deletions) {
    if (existsSync(path.join(from, name))) continue;
    rmSync(path.join(to, name), { force: true });
    deleted.push(name);
  }
  const last = lists.at(-1) ?? deployed;
  if (last !== undefined) {
    // Recorded last: a deploy stopped halfway is applied again whole next time.
    mkdirSync(to, { recursive: true });
    writeFileSync(`${recordFile}.deploying`, `${last}\n`);
    renameSync(`${recordFile}.deploying`, recordFile);
  }
  return {
    mode: changes === undefined ? 'full' : 'changes',
    builds: lists.length,
    copied,
    deleted,
    purge: [...copied, ...deleted].flatMap(addressesOf).sort(),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: 'dist' },
      to: { type: 'string' },
      'purge-list': { type: 'string' },
    },
  });
  if (values.to === undefined) {
    console.error('deploy: say where to, with --to DIR (the folder the web server serves)');
    process.exit(2);
  }
  try {
    const result = deployFolder({ from: values.from, to: values.to });
    if (values['purge-list'] !== undefined) {
      writeFileSync(values['purge-list'], result.purge.map((address) => `${address}\n`).join(''));
    }
    const how =
      result.mode === 'full'
        ? 'every file (no earlier deploy on record)'
        : `the changes of ${result.builds} build${result.builds === 1 ? '' : 's'}`;
    console.log(
      `deploy: ${result.copied.length} files copied, ${result.deleted.length} deleted, to ${path.resolve(values.to)}: ${how}`,
    );
  } catch (error) {
    console.error(`deploy: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
