import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { revealInScroller, useSideScroller } from '../../../lib/side-scroller.ts';
import { archiveQueries } from '../api/archive-queries.ts';

/**
 * The top-level sections, in the header; the one being read (or one of its countries) is
 * marked with aria-current. Without the menu (a failed request) the header has none.
 * On a phone the row scrolls sideways, faded at whichever edge hides more of it; the section
 * being read, and a section reached by Tab, are scrolled into sight.
 */
export function SectionNav() {
  const m = useMessages();
  const { data: sections } = useQuery(archiveQueries.sectionMenu());
  const { pathname } = useLocation();
  const [list, setList] = useState<HTMLUListElement | null>(null);
  useSideScroller(list);
  useEffect(() => {
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current) revealInScroller(list, current);
  }, [list, pathname]);
  if (sections === undefined || sections.length === 0) return null;
  return (
    <nav className="section-nav" aria-label={m.sectionsNav}>
      <ul className="section-nav__list" ref={setList}>
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
