import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { archiveQueries } from '../api/archive-queries.ts';

/**
 * The top-level sections, in the header; the one being read (or one of its countries) is
 * marked with aria-current. Without the menu (a failed request) the header has none.
 */
export function SectionNav() {
  const m = useMessages();
  const { data: sections } = useQuery(archiveQueries.sectionMenu());
  if (sections === undefined || sections.length === 0) return null;
  return (
    <nav className="section-nav" aria-label={m.sectionsNav}>
      <ul className="section-nav__list">
        {sections.map((section) => (
          <li key={section.path}>
            <NavLink to={paths.archive('section', section.path)} className="section-nav__link">
              {section.name}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
