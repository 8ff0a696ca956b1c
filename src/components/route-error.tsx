import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { site } from '../config/site.ts';
import { NotFoundError } from '../lib/api-client.ts';
import { useMessages } from '../lib/i18n/i18n.tsx';
import { NotFound } from './not-found.tsx';

/**
 * A route's error boundary: "not found" for a missing resource, otherwise an error view whose
 * Retry runs the route's loaders again, so the page recovers as soon as the network does.
 */
export function RouteError() {
  const m = useMessages();
  const error = useRouteError();
  const revalidator = useRevalidator();
  if ((isRouteErrorResponse(error) && error.status === 404) || error instanceof NotFoundError) {
    return <NotFound />;
  }
  const isRetrying = revalidator.state === 'loading';
  return (
    <section className="status-page" role="alert">
      <title>{`${m.errorTitle} | ${site.name}`}</title>
      <h1>{m.errorHeading}</h1>
      <p>{m.errorText}</p>
      <button
        type="button"
        className="button"
        onClick={() => void revalidator.revalidate()}
        disabled={isRetrying}
      >
        {isRetrying ? m.retrying : m.retry}
      </button>
    </section>
  );
}
