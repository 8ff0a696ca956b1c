/** Small readers of parsed HTML (hast) elements, shared by the body's converters. */
import type { Element, ElementContent, RootContent } from 'hast';
import { isDropped } from './html-tags.ts';

export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The URL an element (an image, a frame) really shows, checked by `check`: lazy-loading
 * themes and plugins put it in data-src (or data-lazy-src, data-original) and leave a
 * placeholder, often `data:` or `about:blank`, in src.
 */
export function sourceOf(
  element: Element,
  check: (value: string) => string | undefined,
): string | undefined {
  for (const name of ['src', 'dataSrc', 'dataLazySrc', 'dataOriginal']) {
    const value = stringProperty(element, name);
    const checked = value === undefined ? undefined : check(value);
    if (checked !== undefined) return checked;
  }
  return undefined;
}

export function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className;
  return Array.isArray(value) && value.includes(name);
}

export function isElement(node: RootContent | ElementContent | undefined): node is Element {
  return node?.type === 'element';
}

/** The first element under `root` (depth first) that passes `test`; dropped elements are not searched. */
export function findElement(
  root: Element,
  test: (element: Element) => boolean,
): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element' || isDropped(child.tagName)) continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every element under `root` that passes `test`, not looking inside those it finds. */
export function findAll(
  root: Element,
  test: (element: Element) => boolean,
  searchDropped = false,
): Element[] {
  const found: Element[] = [];
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    else if (searchDropped || !isDropped(child.tagName))
      found.push(...findAll(child, test, searchDropped));
  }
  return found;
}
