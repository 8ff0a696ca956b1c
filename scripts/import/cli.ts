/**
 * `npm run import -- <wordpress|jsonfeed|rss> <source> [options]`: imports articles from a
 * newsroom into `<out>/articles/` as Markdown, in the form editors write by hand.
 * Problems go to stderr, one line each; the exit code is 1 when the import stopped, 2 when
 * the command line is wrong.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { sinceToIso } from './dates.ts';
import { DEFAULT_HTTP, type HttpOptions } from '../lib/http.ts';
import { visibleControls } from '../lib/visible-controls.ts';
import { LIMITS } from '../content/text-rules.ts';
import { ImportError } from './import-error.ts';
import { jsonFeedSource } from './json-feed.ts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import { rssSource } from './rss.ts';
import { runImport, type ImportSummary } from './run-import.ts';
import type { ImportSource, SourceContext } from './source.ts';
import { wordpressSource } from './wordpress.ts';

const MB = 1024 * 1024;

/** The sources a command reads, as its usage names them. */
export const SOURCES_HELP = `  wordpress https://example.org/wp-json [--since 2023-08-01] [--per-page 100]
  jsonfeed  URL|FILE
  rss       URL|FILE`;

/** The options an import and a sync share: where to write, how to fetch, how far to go. */
export const OPTIONS_HELP = `Options:
  --out DIR          content folder; articles go to DIR/articles/ (default: content)
  --section NAME     section for articles whose source names none (default: News)
  --timeout SECONDS  per request (default: 20)
  --attempts N       tries per request for timeouts, 5xx and 429 (default: 4)
  --retry-delay S    first pause between tries, doubling after (default: 1)

Limits (a source is not trusted to end; each stops the import with a message):
  --max-pages N      pages read in one run (default: ${DEFAULT_LIMITS.maxPages})
  --max-items N      items read in one run (default: ${DEFAULT_LIMITS.maxItems})
  --max-bytes MB     size of one answer or file, read up to there (default: ${DEFAULT_LIMITS.maxBytes / MB})
  --max-time S       the whole run, in seconds (default: ${DEFAULT_LIMITS.maxTimeMs / 1000})
  --max-redirects N  redirects followed for one request (default: ${DEFAULT_LIMITS.maxRedirects})
  --max-depth N      nesting of a body's HTML or a feed's XML; deeper items are skipped
                     (default: ${DEFAULT_LIMITS.maxDepth})
  --max-category-depth N
                     levels of a WordPress category's parents (default: ${DEFAULT_LIMITS.maxCategoryDepth})

Where it fetches: pages from the source's own host only, images from any host; nothing
from private, loopback or link-local addresses unless the source is there.
  --allow-host HOST  also read pages (and redirects) from HOST or HOST:PORT, at any
                     address; repeatable`;

export const USAGE = `Usage: npm run import -- <kind> <source> [options]

${SOURCES_HELP}

${OPTIONS_HELP}`;

export type CliIo = { log: (line: string) => void; warn: (line: string) => void };

export class UsageError extends Error {}

/** Runs the command; returns the exit code. */
export async function main(argv: string[], terminal: CliIo): Promise<number> {
  // Everything printed passes here: titles, URLs and messages come from the source.
  const io: CliIo = {
    log: (line) => terminal.log(visibleControls(line, { keepLineFeeds: true })),
    warn: (line) => terminal.warn(visibleControls(line, { keepLineFeeds: true })),
  };
  let source: ImportSource;
  let out: string;
  try {
    const { command } = parseCommand(argv);
    ({ out } = command);
    source = sourceFor(command, io.warn);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.warn(error.message);
    io.warn(USAGE);
    return 2;
  }
  try {
    const summary = await runImport(source, { out, log: io.log, warn: io.warn });
    io.log(summaryLine(summary));
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.warn(`import stopped: ${error.message}`);
    return 1;
  }
}

export function summaryLine({ written, unchanged, skipped }: ImportSummary): string {
  return `${written} written, ${unchanged} unchanged, ${skipped} skipped`;
}

/** A source as the command line names it, read with `sourceFor`. */
export type SourceCommand = {
  kind: 'wordpress' | 'jsonfeed' | 'rss';
  location: string;
  /** The content folder. */
  out: string;
  context: Omit<SourceContext, 'warn'>;
  /** WordPress only: posts a page, and `--since`. */
  perPage: number;
  since?: string;
};

const IMPORT_OPTIONS = {
  out: { type: 'string', default: 'content' },
  section: { type: 'string', default: 'News' },
  since: { type: 'string' },
  'per-page': { type: 'string', default: '100' },
  timeout: { type: 'string', default: String(DEFAULT_HTTP.timeoutMs / 1000) },
  attempts: { type: 'string', default: String(DEFAULT_HTTP.attempts) },
  'retry-delay': { type: 'string', default: String(DEFAULT_HTTP.retryDelayMs / 1000) },
  'max-pages': { type: 'string', default: String(DEFAULT_LIMITS.maxPages) },
  'max-items': { type: 'string', default: String(DEFAULT_LIMITS.maxItems) },
  'max-bytes': { type: 'string', default: String(DEFAULT_LIMITS.maxBytes / MB) },
  'max-time': { type: 'string', default: String(DEFAULT_LIMITS.maxTimeMs / 1000) },
  'max-redirects': { type: 'string', default: String(DEFAULT_LIMITS.maxRedirects) },
  'max-depth': { type: 'string', default: String(DEFAULT_LIMITS.maxDepth) },
  'max-category-depth': { type: 'string', default: String(DEFAULT_LIMITS.maxCategoryDepth) },
  'allow-host': { type: 'string', multiple: true, default: [] },
} as const satisfies ParseArgsOptionsConfig;

/**
 * Reads `<kind> <source> [options]`; `extra` are the options a command adds to the import's
 * own (a sync's `--watch`), returned as `values` for it to check. Throws UsageError.
 */
export function parseCommand<TExtra extends ParseArgsOptionsConfig = typeof IMPORT_OPTIONS>(
  argv: string[],
  extra?: TExtra,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...IMPORT_OPTIONS, ...(extra ?? ({} as TExtra)) },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as ParsedValues<typeof IMPORT_OPTIONS>;
  const [kind, location, ...more] = parsed.positionals;
  if (kind === undefined || location === undefined)
    throw new UsageError('missing <kind> and <source>');
  if (more.length > 0) throw new UsageError(`unexpected argument: ${more.join(' ')}`);
  if (values.section.trim() === '') throw new UsageError('--section must not be empty');

  const http: HttpOptions = {
    timeoutMs: number('--timeout', values.timeout, 0.001) * 1000,
    attempts: Math.trunc(number('--attempts', values.attempts, 1)),
    retryDelayMs: number('--retry-delay', values['retry-delay'], 0) * 1000,
  };
  const whole = (flag: string, value: string, min: number) => Math.trunc(number(flag, value, min));
  const limits: ImportLimits = {
    maxPages: whole('--max-pages', values['max-pages'], 1),
    maxItems: whole('--max-items', values['max-items'], 1),
    maxBytes: Math.round(number('--max-bytes', values['max-bytes'], 0.001) * MB),
    maxTimeMs: number('--max-time', values['max-time'], 1) * 1000,
    maxRedirects: whole('--max-redirects', values['max-redirects'], 0),
    maxDepth: whole('--max-depth', values['max-depth'], 1),
    maxCategoryDepth: whole('--max-category-depth', values['max-category-depth'], 1),
  };
  // A deeper chain would write section paths the site's own content check refuses.
  if (limits.maxCategoryDepth > LIMITS.sectionDepth)
    throw new UsageError(
      `--max-category-depth ${limits.maxCategoryDepth}: at most ${LIMITS.sectionDepth}, the deepest section path an article may have`,
    );
  const allowHosts = values['allow-host'].map((host) => host.trim());
  if (allowHosts.some((host) => host === ''))
    throw new UsageError('--allow-host needs a host name, e.g. --allow-host cdn.example.org');
  const context = { http, section: values.section.trim(), limits, allowHosts };
  if (kind !== 'wordpress' && values.since !== undefined) {
    throw new UsageError('--since is for wordpress only: feeds have no query for it');
  }
  if (kind !== 'wordpress' && kind !== 'jsonfeed' && kind !== 'rss')
    throw new UsageError(`unknown kind "${kind}": use wordpress, jsonfeed or rss`);
  if (kind === 'wordpress' && !/^https?:\/\//i.test(location))
    throw new UsageError('wordpress needs the URL of the REST API');
  const since = values.since === undefined ? undefined : sinceToIso(values.since);
  if (values.since !== undefined && since === undefined) {
    throw new UsageError(`--since ${values.since}: expected a date like 2023-08-01`);
  }
  const command: SourceCommand = {
    kind,
    location,
    out: values.out,
    context,
    perPage: Math.trunc(number('--per-page', values['per-page'], 1)),
    ...(since === undefined ? {} : { since }),
  };
  return { command, values: parsed.values };
}

type ParsedValues<TOptions extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: TOptions; allowPositionals: true }>
>['values'];

/**
 * The source a command names. A sync narrows a WordPress source (`since`, `include`) and
 * tells every source which items it has already (`isCurrent`).
 */
export function sourceFor(
  command: SourceCommand,
  warn: (message: string) => void,
  narrow: { since?: string; include?: readonly number[] } = {},
  isCurrent?: SourceContext['isCurrent'],
): ImportSource {
  const context: SourceContext = {
    ...command.context,
    warn,
    ...(isCurrent === undefined ? {} : { isCurrent }),
  };
  switch (command.kind) {
    case 'wordpress': {
      const since = narrow.since ?? command.since;
      return wordpressSource(
        {
          base: command.location,
          perPage: command.perPage,
          ...(since === undefined ? {} : { since }),
          ...(narrow.include === undefined ? {} : { include: narrow.include }),
        },
        context,
      );
    }
    case 'jsonfeed':
      return jsonFeedSource(command.location, context);
    case 'rss':
      return rssSource(command.location, context);
  }
}

/** A number of at least `min`, or a UsageError naming the flag. */
export function number(flag: string, value: string, min: number): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min) {
    throw new UsageError(`${flag} ${value}: expected a number of at least ${min}`);
  }
  return parsed;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), {
    log: (line) => console.log(line),
    warn: (line) => console.error(line),
  });
}
