import { Link } from 'react-router';
import { site } from '../config/site.ts';
import { useMessages } from '../lib/i18n/i18n.tsx';
import { paths } from '../lib/paths.ts';

export function NotFound() {
  const m = useMessages();
  return (
    <section className="status-page">
      <title>{`${m.notFoundTitle} | ${site.name}`}</title>
      <meta name="description" content={m.notFoundDescription(site.name)} />
      <h1>{m.notFoundTitle}</h1>
      <p>{m.notFoundText}</p>
      <p>
        <Link to={paths.home()}>{m.notFoundLink}</Link>
      </p>
    </section>
  );
}
