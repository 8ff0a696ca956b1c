/**
 * What themes and feed plugins append to every entry, which is not the story: "The post X
 * appeared first on Y.", "Read More Here →", "Continue reading...", an excerpt's "[…]",
 * share and "Like this:" boxes. Each pattern names the real feed that showed it.
 *
 * Text patterns are matched on plain text only: at the end of a standfirst, or as the whole
 * of a body paragraph. "[…]" inside a body is an editor's elision in a quote (Daring
 * Fireball's JSON Feed is full of them) and stays.
 */
import type { Element } from 'hast';

export type BoilerplatePattern = {
  name: string;
  /** Matches the boilerplate at the end of a text (a standfirst, or a whole paragraph). */
  trailing: RegExp;
  /** Where it was seen. */
  seenIn: string;
};

/** An arrow or ellipsis a theme puts after its "read more" words. */
const ARROW = String.raw`(?:\s*(?:→|&rarr;|»|›|>>|\.{3}|…))*`;

export const BOILERPLATE: readonly BoilerplatePattern[] = [
  {
    name: 'appeared first',
    trailing: /\s*The post .{1,400}? appeared first on (?:(?!\.\s).){1,200}?\.?\s*$/su,
    seenIn:
      "WordPress feeds with Yoast SEO's RSS footer (Middle East Monitor's RSS, recorded in test/feed-fixtures.ts)",
  },
  {
    name: 'first appeared',
    trailing: /\s*The post .{1,400}? first appeared on (?:(?!\.\s).){1,200}?\.?\s*$/su,
    seenIn: "the 'first appeared on' wording of WordPress RSS footer plugins (no recorded feed)",
  },
  {
    name: 'this entry was posted',
    trailing: /\s*This entry was posted (?:in|on) .{1,300}?(?:Bookmark the permalink\.?)?\s*$/su,
    seenIn: "Twenty Ten-style themes' entry footer, copied into feeds (no recorded feed)",
  },
  {
    name: 'read more here',
    trailing: new RegExp(String.raw`\s*Read More Here${ARROW}\s*$`, 'iu'),
    seenIn:
      'DC Rainmaker (test/real/rss-dcrainmaker.xml): `<a class="read_more">Read More Here →</a>`',
  },
  {
    name: 'read more',
    trailing: new RegExp(
      String.raw`\s*(?:Read more|Read the rest of this entry|Keep reading)${ARROW}\s*$`,
      'iu',
    ),
    seenIn: 'WordPress themes\' excerpt links ("Read more »"); no recorded feed',
  },
  {
    name: 'continue reading',
    trailing: new RegExp(
      String.raw`\s*Continue reading(?:\s+(?:“[^”]{1,300}”|"[^"]{1,300}"))?${ARROW}\s*$`,
      'iu',
    ),
    seenIn:
      'The Guardian (test/real/rss-guardian-us.xml): every description ends "Continue reading..."',
  },
];

/** "[…]" or "[...]" ending an excerpt: WordPress's own, seen in Manton Reece's WordPress RSS. */
const MORE_MARKER = /\s*\[(?:…|\.\.\.|&hellip;)\]\s*$/u;

/** A standfirst without the boilerplate at its end (several may follow each other). */
export function withoutTrailingBoilerplate(text: string): string {
  let current = text;
  for (;;) {
    const next = [MORE_MARKER, ...BOILERPLATE.map((pattern) => pattern.trailing)].reduce(
      (value, pattern) => value.replace(pattern, ''),
      current,
    );
    if (next === current) return current.trim();
    current = next;
  }
}

/**
 * A paragraph that is only a symbol linking to the post itself: Daring Fireball ends every
 * item with `<a href="(its permalink)">&nbsp;★&nbsp;</a>` (test/real/jsonfeed-daringfireball.json).
 */
export const PERMALINK_MARK = /^[\s\u00A0]*[★☆¶#∞§※⁂✱*]{1,3}[\s\u00A0]*$/u;

/** A body paragraph that is nothing but boilerplate. */
export function isBoilerplateParagraph(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed !== '' && BOILERPLATE.some((pattern) => pattern.trailing.exec(trimmed)?.index === 0)
  );
}

/**
 * Elements that are boilerplate by their class: Jetpack's share and "Like this:" boxes
 * (`sharedaddy`) and related posts (`jp-relatedposts`), WordPress's `more-link`, themes'
 * `read_more` links (DC Rainmaker), Feedburner's flare, and common share-button plugins.
 */
const BOILERPLATE_CLASSES = new Set([
  'sharedaddy',
  'sd-sharing-enabled',
  'sd-like',
  'jp-relatedposts',
  'jetpack-likes-widget-wrapper',
  'more-link',
  'read_more',
  'read-more',
  'feedflare',
  'addtoany_share_save_container',
  'a2a_kit',
  'yarpp-related',
  'wpcnt',
  'shareaholic-canvas',
]);

export function isBoilerplateElement(element: Element): boolean {
  const value = element.properties.className;
  return (
    Array.isArray(value) &&
    value.some((name) => typeof name === 'string' && BOILERPLATE_CLASSES.has(name))
  );
}
