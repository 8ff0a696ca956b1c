/**
 * The one way the importer parses HTML from a source: with a limit on nesting. The parser
 * and the converters after it walk the tree recursively, so `<div>` nested a few thousand
 * deep overflowed the stack and ended the import in a stack trace. A tree deeper than the
 * limit is refused with a NestingError, which costs the item it came in, not the import.
 */
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { ImportError } from './import-error.ts';
import { DEFAULT_LIMITS, LIMIT_OPTIONS } from './limits.ts';

/** HTML or XML nested deeper than the import allows. */
export class NestingError extends ImportError {
  constructor(what: string, maxDepth: number) {
    super(`${what} nested deeper than ${LIMIT_OPTIONS.maxDepth} ${maxDepth} levels`);
    this.name = 'NestingError';
  }
}

export function parseHtmlFragment(html: string, maxDepth = DEFAULT_LIMITS.maxDepth): Root {
  let root: Root;
  try {
    root = fromHtml(html, { fragment: true });
  } catch (error) {
    // Thousands of levels overflow the parser's own recursion before the tree can be measured.
    if (error instanceof RangeError) throw new NestingError('HTML', maxDepth);
    throw error;
  }
  if (depthOf(root) > maxDepth) throw new NestingError('HTML', maxDepth);
  return root;
}

/** The depth of the tree, measured without recursion. */
function depthOf(root: Root): number {
  let deepest = 0;
  const stack: [RootContent[], number][] = [[root.children, 1]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [children, depth] = entry;
    for (const child of children) {
      if (child.type !== 'element') continue;
      deepest = Math.max(deepest, depth);
      stack.push([child.children, depth + 1]);
      // A template's content is a tree of its own, walked like the rest.
      if (child.content !== undefined) stack.push([child.content.children, depth + 1]);
    }
  }
  return deepest;
}
