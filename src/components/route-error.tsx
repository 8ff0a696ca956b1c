import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { site } from '../config/site.ts';
import { NotFoundError } from '../lib/api-client.ts';
import { useMessages } from '../lib/i18n/i18n.tsx';
import { NotFound } from './not-found.tsx';

type ErrorPageProps = { onRetry: () => void; isRetrying: boolean };

/** The page that could not be shown, in place of it, with a Retry. */
export function ErrorPage({ onRetry, isRetrying }: ErrorPageProps) {
  const m = useMessages();
  return (
    <section className="status-page" role="alert">
      <title>{`${m.errorTitle} | ${site.name}`}</title>
      <h1>{m.errorHeading}</h1>
      <p>{m.errorText}</p>
      <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? m.retrying : m.retry}
      </button>
    </section>
  );
}

/**
 * A route's error boundary: "not found" for a missing resource, otherwise an error view whose
 * Retry runs the route's loaders again, so the page recovers as soon as the network does.
 */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if ((isRouteErrorResponse(error) && error.status === 404) || error instanceof NotFoundError) {
    return <NotFound />;
  }
  return (
    <ErrorPage
      onRetry={() => void revalidator.revalidate()}
      isRetrying={revalidator.state === 'loading'}
    />
  );
}
