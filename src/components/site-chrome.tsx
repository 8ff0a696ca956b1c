import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { site } from '../config/site.ts';
import { SectionNav } from '../features/archives/components/section-nav.tsx';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { paths } from '../lib/paths.ts';

type SiteChromeProps = { children: ReactNode; isBusy?: boolean };

/** Header with the masthead and tagline, the main landmark, and the footer. */
export function SiteChrome({ children, isBusy = false }: SiteChromeProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="masthead">
        <div className="masthead__inner">
          <Link to={paths.home()} className="masthead__name">
            {site.name}
          </Link>
          <p className="masthead__tagline">{site.tagline}</p>
          <SearchBox />
        </div>
        <SectionNav />
      </header>
      <main id="main" className="page" tabIndex={-1} aria-busy={isBusy}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          © {site.name}. <Link to={paths.home()}>Latest news</Link>
        </p>
      </footer>
    </>
  );
}
