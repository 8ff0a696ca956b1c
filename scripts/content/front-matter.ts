import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import { LIMITS } from './text-rules.ts';

export type FrontMatter = {
  /** The parsed YAML document, kept to locate fields by line. */
  document: Document;
  data: unknown;
  /** File line of a path in the front matter; the opening `---` line when the path is absent. */
  lineOf: (path: readonly (string | number)[]) => number;
  body: string;
  /** File line on which the Markdown body starts. */
  bodyLine: number;
  /** What is wrong with the YAML, each message whole ("front matter is not valid YAML: …"). */
  errors: { line: number; message: string }[];
};

/** Splits `---\nyaml\n---\nmarkdown`; returns undefined when the file has no front matter. */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) return undefined;

  const yamlText = lines.slice(1, end).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // YAML lines are 1-based within the block, which starts on file line 2.
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;

  const lineOf = (path: readonly (string | number)[]) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node: unknown = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return toFileLine(node.range[0]);
    }
    return 1;
  };

  const errors = document.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: `front matter is not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
  }));
  if (errors.length === 0) {
    const alias = aliasProblem(document);
    if (alias) errors.push({ line: toFileLine(alias.offset), message: alias.message });
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // yaml's own guard against expansion, or what it cannot resolve: a message, not a crash.
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ line: 1, message: `front matter could not be read: ${message}` });
    }
  }
  return {
    document,
    data,
    lineOf,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
    errors,
  };
}

export const TOO_MANY_ALIASES = `front matter refused: more than ${LIMITS.aliases} aliases (*name), and repeated aliases can expand a few lines into gigabytes (an alias bomb)`;

export const TOO_DEEP = `front matter refused: it nests more than ${LIMITS.yamlDepth} levels deep`;

/**
 * Aliases (`*name`) repeat an anchored value (`&name`). A few save an editor typing; many
 * nest into an alias bomb, a few lines that expand into gigabytes. Past LIMITS.aliases the
 * front matter is refused, as is an alias used before its anchor.
 */
function aliasProblem(document: Document): { offset: number; message: string } | undefined {
  const anchors = new Set<string>();
  let count = 0;
  let problem: { offset: number; message: string } | undefined;
  visit(document, {
    Node(_, node) {
      if (node.anchor !== undefined) anchors.add(node.anchor);
    },
    Alias(_, node) {
      count++;
      const offset = node.range?.[0] ?? 0;
      if (!anchors.has(node.source)) {
        problem = {
          offset,
          message: `front matter is not valid YAML: alias *${node.source} is used before its anchor &${node.source} is set`,
        };
      } else if (count > LIMITS.aliases) {
        problem = { offset, message: TOO_MANY_ALIASES };
      }
      return problem === undefined ? undefined : visit.BREAK;
    },
  });
  return problem;
}
