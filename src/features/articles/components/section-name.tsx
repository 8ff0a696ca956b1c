import { Link } from 'react-router';
import { site } from '../../../config/site.ts';

type SectionNameProps = {
  className: string;
  name: string;
  /** The section's page, on an article; a card's label is no link (the headline is). */
  to?: string;
};

/**
 * A section's name over an article or card. The name is the site's word, in the site's
 * language, whatever the article's: marked so, it is cased the same everywhere ("TURKIYE"
 * over an English card and a Turkish one alike, never Turkish's "TURKİYE" on some). The
 * line keeps the article's direction, so it starts where the headline does; the name is
 * isolated within it.
 */
export function SectionName({ className, name, to }: SectionNameProps) {
  const shown = <bdi>{name}</bdi>;
  return (
    <p className={className} lang={site.language}>
      {to === undefined ? shown : <Link to={to}>{shown}</Link>}
    </p>
  );
}
