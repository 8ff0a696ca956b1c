/**
 * Well-formedness and a typed view of parsed XML, for the feed and sitemap spec checks.
 * fast-xml-parser's validator misses a few XML 1.0 rules (characters outside `Char`,
 * undeclared entities, `<` in attribute values, `]]>` in text), so those are checked here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element: attributes as `@name`, text as `#text`, children always as arrays. */
export type XmlElement = { [key: string]: string | XmlElement[] };

const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const UNDECLARED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)[^\s;]{0,12};?/;

/** Problems that make `xml` not well-formed UTF-8 XML 1.0 with a declaration; empty when fine. */
export function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) {
    problems.push('does not start with <?xml version="1.0" encoding="UTF-8"?>');
  }
  const illegal = ILLEGAL_CHAR.exec(xml);
  if (illegal) {
    const code = illegal[0].codePointAt(0)?.toString(16).padStart(4, '0') ?? '';
    problems.push(`character U+${code.toUpperCase()} is not allowed in XML 1.0`);
  }
  const entity = UNDECLARED_ENTITY.exec(xml);
  if (entity) problems.push(`"${entity[0]}": & must start an entity (escape it as &amp;)`);
  if (xml.includes(']]>')) problems.push('"]]>" must not appear in text (escape > as &gt;)');
  if (/="[^"]*</.test(xml)) problems.push('"<" must not appear in an attribute value');
  // The validator is deprecated in favour of fast-xml-validator, which is not installed.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    problems.push(`not well-formed: ${result.err.msg} (line ${result.err.line}:${result.err.col})`);
  }
  return problems;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** The document as an element whose children are the root elements (and the declaration). */
export function parseXml(xml: string): XmlElement {
  const document: unknown = parser.parse(xml);
  if (!isElement(document)) throw new Error('the parser returned something other than an object');
  return document;
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function children(parent: XmlElement, name: string): XmlElement[] {
  const value = parent[name];
  return Array.isArray(value) ? value : [];
}

/** The element's text, trimmed: feeds and sitemaps put no meaning in surrounding space. */
export function textOf(element: XmlElement): string {
  const value = element['#text'];
  return typeof value === 'string' ? value.trim() : '';
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Child element names, attributes and text left out. */
export function childNames(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => !key.startsWith('@') && key !== '#text');
}

/** An absolute http(s) URL, written as a URI (no spaces or raw non-ASCII). */
export function isAbsoluteUrl(text: string): boolean {
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(text)) return false;
  try {
    return new URL(text).host !== '';
  } catch {
    return false;
  }
}
