/**
 * The name of the site articles are imported from, as the byline "By <name>" shows it when
 * an article names no author: the WordPress REST index's `name`, a feed's title. Feed titles
 * often carry what the feed is ("Example News - RSS", "fboës - Der Blog | Startseite"): such
 * a suffix is cut only when it is obviously that. The reader's own name is never used, so
 * its masthead is never put on another site's reporting.
 */
import { site } from '../../src/config/site.ts';
import { cleanText } from './text.ts';
import { decodeHTML } from 'entities';

/** " - RSS", " | Startseite", ": Latest News" and the like at the end of a feed's title. */
const FEED_SUFFIX =
  /(?:\s+[-–—|·»]|\s*:)\s+(?:RSS(?: 2\.0)?(?: Feed)?|Atom(?: Feed)?|(?:JSON )?Feed|Latest(?: News| Posts| Articles| Stories)?|All (?:Posts|Articles|Stories)|Home(?: ?page)?|Front ?page|Startseite|Accueil|Inicio|Portada)$/i;

/** The site's name from a title (entities decoded, feed suffix cut); undefined when none. */
export function sourceNameOf(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const name = cleanText(decodeHTML(title)).replace(FEED_SUFFIX, '').trim();
  if (name === '' || name.toLowerCase() === site.name.toLowerCase()) return undefined;
  return name;
}
