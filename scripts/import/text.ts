/**
 * Plain text out of the HTML that sources put in titles, captions, excerpts and term names.
 * HTML is parsed, never pattern-matched, so entities are decoded the way a browser would and
 * tags are only ever structure, not text.
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { isBoilerplateElement, withoutTrailingBoilerplate } from './boilerplate.ts';
import { isDropped, isBlockTag } from './html-tags.ts';
import { parseHtmlFragment } from './parse-html.ts';

/**
 * Text of an HTML fragment: whitespace collapsed, blocks separated by a space. HTML nested
 * deeper than the default `--max-depth` throws a NestingError (titles and names are short).
 */
export function htmlToText(html: string): string {
  return cleanText(textOf(parseHtmlFragment(html)));
}

/** Text of a parsed node, with what the allowlist drops (scripts, styles, SVG ...) left out. */
export function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'root' && node.type !== 'element') return '';
  if (node.type === 'element') {
    if (isDropped(node.tagName) || isBoilerplateElement(node)) return '';
    if (node.tagName === 'br') return ' ';
  }
  const inner = node.children.map(textOf).join('');
  return node.type === 'element' && isBlockTag(node.tagName) ? ` ${inner} ` : inner;
}

/**
 * Collapses whitespace and removes what no reader should receive in a headline, a caption or
 * a name: control characters, and the invisible direction overrides and isolates that would
 * reorder the words around them (the reader sets each text's direction from its language).
 * The content check refuses them in titles and names, so an import never writes a file the
 * build then rejects.
 */
export function cleanText(text: string): string {
  return stripControls(text)
    .replace(DIRECTION_CONTROLS, '')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
}

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Half a character: a string cut inside a four-byte letter (an emoji). */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** An excerpt without the "[…]", "Read more »" and the like that themes put at its end. */
export function withoutMoreMarker(text: string): string {
  return withoutTrailingBoilerplate(text);
}
