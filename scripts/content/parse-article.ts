import * as v from 'valibot';
import type { Block } from '../../src/contract/article.ts';
import { readFrontMatter } from './front-matter.ts';
import {
  FrontMatterSchema,
  missingFieldMessage,
  type FrontMatterData,
} from './front-matter-schema.ts';
import { markdownToBlocks, type ImageResolver, type SlugReference } from './markdown-blocks.ts';
import type { Problem } from './problem.ts';

/** Resolves an image of the body; remote images take their size from the front matter's media list. */
export type ArticleImageResolver = (
  ...args: [...Parameters<ImageResolver>, media: FrontMatterData['media']]
) => ReturnType<ImageResolver>;

export type ParsedArticle = {
  file: string;
  meta: FrontMatterData;
  body: Block[];
  /** Every article slug the file points at, with its line, for the cross-article checks. */
  references: SlugReference[];
  lineOf: (path: readonly (string | number)[]) => number;
};

/** Parses one Markdown article; problems come back located by file, line and field. */
export function parseArticle(
  file: string,
  text: string,
  resolveImage?: ArticleImageResolver,
): { article?: ParsedArticle; problems: Problem[] } {
  const frontMatter = readFrontMatter(text);
  if (frontMatter === undefined) {
    return {
      problems: [{ file, line: 1, message: 'missing front matter: start the file with a line of ---' }],
    };
  }
  if (frontMatter.errors.length > 0) {
    return {
      problems: frontMatter.errors.map((error) => ({
        file,
        line: error.line,
        message: `front matter is not valid YAML: ${error.message}`,
      })),
    };
  }

  // One message per field: a value that fails its first rule is not judged by the rest.
  const result = v.safeParse(FrontMatterSchema, frontMatter.data ?? {}, { abortPipeEarly: true });
  if (!result.success) {
    return {
      problems: result.issues.map((issue) => {
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
      }),
    };
  }

  const { blocks, references, problems } = markdownToBlocks(frontMatter.body, {
    file,
    firstLine: frontMatter.bodyLine,
    resolveImage: resolveImage && ((src, where) => resolveImage(src, where, result.output.media)),
  });
  const related = result.output.related.map((slug, index) => ({
    slug,
    line: frontMatter.lineOf(['related', index]),
    field: 'related',
  }));
  return {
    article: {
      file,
      meta: result.output,
      body: blocks,
      references: [...references, ...related],
      lineOf: frontMatter.lineOf,
    },
    problems,
  };
}
