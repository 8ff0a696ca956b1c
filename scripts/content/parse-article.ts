import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import * as v from 'valibot';
import { readFrontMatter, TOO_DEEP, TOO_MANY_ALIASES } from './front-matter.ts';
import {
  FrontMatterSchema,
  missingFieldMessage,
  type FrontMatterData,
} from './front-matter-schema.ts';
import type { Problem } from './problem.ts';
import { LIMITS } from './text-rules.ts';

/** An article's front matter, read and checked; the body is left as Markdown text. */
export type ArticleFrontMatter = {
  meta: FrontMatterData;
  /** File lines of front matter keys (`slug`, `image.width`), for messages found later. */
  keyLines: Record<string, number>;
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
};

/**
 * Reads and checks an article's front matter; problems come back located by file, line and
 * field. Valid files take a fast path (js-yaml); a file with problems is read again with a
 * parser that tracks positions, so that every message can name its line.
 */
export function readArticleFrontMatter(
  file: string,
  text: string,
): { front?: ArticleFrontMatter; problems: Problem[] } {
  const split = splitFrontMatter(text);
  let data: unknown;
  try {
    data = split
      ? load(split.yaml, {
          schema: CORE_SCHEMA,
          maxAliases: LIMITS.aliases,
          maxDepth: LIMITS.yamlDepth,
        })
      : undefined;
  } catch (error) {
    // A bomb is refused here: the precise parser below would spend seconds on it.
    const refused = refusedYaml(file, error);
    if (refused) return { problems: [refused] };
    data = undefined;
  }
  const fast =
    data === undefined
      ? undefined
      : v.safeParse(FrontMatterSchema, data, { abortPipeEarly: true });
  if (split === undefined || fast === undefined || !fast.success) {
    return { problems: locatedProblems(file, text) };
  }
  return {
    front: {
      meta: fast.output,
      keyLines: keyLinesOf(split.yaml),
      body: split.body,
      bodyLine: split.bodyLine,
    },
    problems: [],
  };
}

/** The slow, precise path: every front matter problem with its line and field. */
function locatedProblems(file: string, text: string): Problem[] {
  const frontMatter = readFrontMatter(text);
  if (frontMatter === undefined) {
    return [{ file, line: 1, message: 'missing front matter: start the file with a line of ---' }];
  }
  if (frontMatter.errors.length > 0) {
    return frontMatter.errors.map((error) => ({ file, line: error.line, message: error.message }));
  }
  // One message per field: a value that fails its first rule is not judged by the rest.
  const result = v.safeParse(FrontMatterSchema, frontMatter.data ?? {}, { abortPipeEarly: true });
  if (result.success) {
    // The fast parser disagreed with the precise one (a YAML corner case): say so plainly.
    return [{ file, line: 1, message: 'front matter could not be read; check its YAML syntax' }];
  }
  return result.issues.map((issue) => {
    const path = (issue.path ?? []).map((item) =>
      typeof item.key === 'number' || typeof item.key === 'string' ? item.key : String(item.key),
    );
    const field = path.length > 0 ? path.join('.') : undefined;
    const isMissing = issue.input === undefined && field !== undefined;
    return {
      file,
      line: frontMatter.lineOf(path),
      field,
      message: isMissing ? missingFieldMessage(field) : issue.message,
    };
  });
}

/** js-yaml's refusal of too many aliases or too deep a nesting, as a problem on its line. */
function refusedYaml(file: string, error: unknown): Problem | undefined {
  if (!(error instanceof YAMLException)) return undefined;
  const message = /maxAliases/.test(error.reason)
    ? TOO_MANY_ALIASES
    : /maxDepth/.test(error.reason)
      ? TOO_DEEP
      : undefined;
  // js-yaml counts lines from 0 within the block, which starts on file line 2.
  return message === undefined ? undefined : { file, line: (error.mark?.line ?? -1) + 2, message };
}

/** Splits the front matter from the body by its `---` lines, without reading either. */
export function splitFrontMatter(text: string) {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (open === null) return undefined;
  const close = /^---[ \t]*(\r?\n|$)/m.exec(source.slice(open[0].length));
  if (close === null) return undefined;
  const yaml = source.slice(open[0].length, open[0].length + close.index);
  const bodyStart = open[0].length + close.index + close[0].length;
  return {
    yaml,
    body: source.slice(bodyStart),
    // Line 1 is the opening ---; the YAML's lines follow, then the closing ---.
    bodyLine: countLines(yaml) + 3,
  };
}

function countLines(text: string): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** Lines of top-level keys and of the keys one level under them (`image.width`). */
function keyLinesOf(yaml: string): Record<string, number> {
  const lines: Record<string, number> = {};
  let parent = '';
  yaml.split('\n').forEach((line, index) => {
    const match = /^(\s*)([A-Za-z_][\w-]*):/.exec(line);
    if (match === null) return;
    const [, indent = '', key = ''] = match;
    const name = indent === '' ? key : `${parent}.${key}`;
    if (indent === '') parent = key;
    lines[name] ??= index + 2;
  });
  return lines;
}
