import { Link } from 'react-router';
import { site } from '../config/site.ts';
import { paths } from '../lib/paths.ts';

export function NotFound() {
  return (
    <section className="status-page">
      <title>{`Page not found | ${site.name}`}</title>
      <meta name="description" content={`This page does not exist on ${site.name}.`} />
      <h1>Page not found</h1>
      <p>This article or page does not exist. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to={paths.home()}>Go to the latest news</Link>
      </p>
    </section>
  );
}
