import type { Named } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';

/** Named authors, or the publication itself when the article carries none. */
export function Byline({ authors }: { authors: Named[] }) {
  const names = authors.length > 0 ? authors.map((author) => author.name) : [site.name];
  const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
  return <p className="byline">By {list}</p>;
}
