import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { site } from '../config/site.ts';
import { useMessages } from '../lib/i18n/i18n.tsx';
import { SectionNav } from '../features/archives/components/section-nav.tsx';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { paths } from '../lib/paths.ts';
import { HydrationSlice } from './hydration-slice.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

type SiteChromeProps = { children: ReactNode; isBusy?: boolean };

/**
 * Skip link, header (masthead, search, theme toggle, sections), the main landmark, and the
 * footer with the language switch.
 */
export function SiteChrome({ children, isBusy = false }: SiteChromeProps) {
  const m = useMessages();
  return (
    <>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <HydrationSlice>
        <header className="masthead">
          <div className="masthead__inner">
            <Link to={paths.home()} className="masthead__name">
              {site.name}
            </Link>
            <p className="masthead__tagline">{site.tagline}</p>
            <div className="masthead__tools">
              <SearchBox />
              <Link to={paths.saved()} className="masthead__saved">
                {m.savedNav}
              </Link>
              <ThemeToggle />
            </div>
          </div>
          <SectionNav />
        </header>
      </HydrationSlice>
      <main id="main" className="page" tabIndex={-1} aria-busy={isBusy}>
        {children}
      </main>
      <HydrationSlice>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>
              © {site.name}. <Link to={paths.home()}>{m.footerLatest}</Link>
            </p>
            <LanguageSwitch />
          </div>
        </footer>
      </HydrationSlice>
    </>
  );
}
