/**
 * A ```embed fence's YAML into an `embed` block: a link card for a post on another site.
 * Each bad field is its own problem, on the file line where the field is written.
 */
import * as v from 'valibot';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { isWebUrl, type EmbedBlock } from '../../src/contract/article.ts';
import { providerOf } from './embed-provider.ts';
import type { ImageResolver } from './markdown-blocks.ts';
import type { Problem } from './problem.ts';

const text = (field: string) =>
  v.pipe(
    v.string(`${field} must be text`),
    v.trim(),
    v.minLength(1, `empty ${field}: write it, or leave the line out`),
  );

const MISSING_URL = 'missing url: the address of the post, e.g. https://www.youtube.com/watch?v=…';

const NOT_A_MAPPING = 'an embed holds YAML fields: url (required), title, thumbnail, caption';

const EmbedFenceSchema = v.strictObject(
  {
    url: v.pipe(
      v.string(MISSING_URL),
      v.trim(),
      v.check(isWebUrl, (issue) => `url ${JSON.stringify(issue.input)} is not an http(s) URL`),
    ),
    title: v.optional(text('title')),
    /** An image src like any other: a file in content/images/, or an https:// URL. */
    thumbnail: v.optional(text('thumbnail')),
    caption: v.optional(text('caption')),
  },
  (issue) => {
    // valibot reports a missing key, and a key the schema does not know, against the mapping.
    if (issue.expected === 'never') return 'unknown embed field: use url, title, thumbnail or caption';
    if (issue.expected === '"url"') return MISSING_URL;
    return NOT_A_MAPPING;
  },
);

type EmbedContext = {
  file: string;
  /** File line of the fence's first YAML line. */
  firstLine: number;
  resolveImage?: ImageResolver;
};

export function readEmbedFence(
  yaml: string,
  { file, firstLine, resolveImage }: EmbedContext,
): { block?: EmbedBlock; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false });
  const fileLine = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file,
        line: fileLine(error.pos[0]),
        field: 'embed',
        message: `embed is not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
      })),
    };
  }
  // A field that is not written is reported on the fence's own line.
  const fenceLine = firstLine - 1;
  const lineOf = (key: string | undefined) => {
    if (key === undefined) return fenceLine;
    const node: unknown = document.get(key, true);
    const keyNode = findKey(document.contents, key);
    const range = isNode(node) && node.range ? node.range : keyNode?.range;
    return range ? fileLine(range[0]) : fenceLine;
  };
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file, line: fenceLine, field: 'embed', message: NOT_A_MAPPING }] };
  }
  const result = v.safeParse(EmbedFenceSchema, data, { abortPipeEarly: true });
  if (!result.success) {
    const problems = result.issues.map((issue) => {
      const key = issue.path?.[0]?.key;
      const name = typeof key === 'string' ? key : undefined;
      return {
        file,
        line: lineOf(name),
        field: name === undefined ? 'embed' : `embed.${name}`,
        message: issue.message,
      };
    });
    return { problems: problems.sort((a, b) => a.line - b.line) };
  }
  const { url, title, thumbnail, caption } = result.output;
  const problems: Problem[] = [];
  const image = thumbnail
    ? resolveImage?.(thumbnail, { line: lineOf('thumbnail'), field: 'embed.thumbnail' })
    : undefined;
  // A thumbnail that cannot be resolved has been reported; the card is shown without it.
  const block: EmbedBlock = {
    type: 'embed',
    url: new URL(url).href,
    provider: providerOf(url),
    ...(title === undefined ? {} : { title }),
    ...(caption === undefined ? {} : { caption }),
    // The card's title names the link; its picture adds nothing a screen reader needs.
    ...(image ? { thumbnail: { ...image, alt: '' } } : {}),
  };
  return { block, problems };
}

/** The key node of `key` in the top mapping: where a field the schema does not know is written. */
function findKey(contents: unknown, key: string): { range?: [number, number, number] | null } | undefined {
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.key;
  }
  return undefined;
}
