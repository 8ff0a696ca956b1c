import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

export type FrontMatter = {
  /** The parsed YAML document, kept to locate fields by line. */
  document: Document;
  data: unknown;
  /** File line of a path in the front matter; the opening `---` line when the path is absent. */
  lineOf: (path: readonly (string | number)[]) => number;
  body: string;
  /** File line on which the Markdown body starts. */
  bodyLine: number;
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

  return {
    document,
    data: document.errors.length > 0 ? undefined : document.toJS(),
    lineOf,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
    errors: document.errors.map((error) => ({
      line: toFileLine(error.pos[0]),
      message: error.message.split('\n')[0] ?? error.message,
    })),
  };
}
