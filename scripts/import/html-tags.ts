/**
 * The HTML allowlist, by tag name. Anything not named here is unwrapped: its markup and
 * attributes are dropped and its text is kept. Elements in DROPPED go with everything inside
 * them, because their content is code, form controls or foreign markup, never prose.
 */

/** Dropped with their content: executable, embedded, interactive or foreign (SVG, MathML). */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'dialog',
  'slot',
  'portal',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
]);

/** Elements whose content starts and ends a paragraph. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'caption',
  'ul',
]);

export function isDropped(tagName: string): boolean {
  return DROPPED.has(tagName.toLowerCase());
}

export function isBlockTag(tagName: string): boolean {
  return BLOCK.has(tagName.toLowerCase());
}

/** h1..h6 onto the contract's three levels (the headline is the page's only h1). */
export const HEADING_LEVEL: ReadonlyMap<string, 2 | 3 | 4> = new Map([
  ['h1', 2],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 4],
  ['h6', 4],
]);

/** Inline elements that carry one of the contract's marks. */
// Maps, not object literals: a tag named `constructor` must not find Object.prototype's.
export const MARK_OF: ReadonlyMap<string, 'emphasis' | 'strong' | 'code'> = new Map([
  ['em', 'emphasis'],
  ['i', 'emphasis'],
  ['cite', 'emphasis'],
  ['dfn', 'emphasis'],
  ['var', 'emphasis'],
  ['strong', 'strong'],
  ['b', 'strong'],
  ['code', 'code'],
  ['kbd', 'code'],
  ['samp', 'code'],
  ['tt', 'code'],
]);
