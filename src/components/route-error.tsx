import type { ComponentProps } from 'react';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { site } from '../config/site.ts';
import { NotFoundError } from '../lib/api-client.ts';
import { useMessages } from '../lib/i18n/i18n.tsx';
import { NotFound } from './not-found.tsx';
import { RetryButton } from './retry-alert.tsx';

/** The page that could not be shown, in place of it, with a Retry. */
export function ErrorPage(retry: ComponentProps<typeof RetryButton>) {
  const m = useMessages();
  return (
    <section className="status-page" role="alert">
      <title>{`${m.errorTitle} | ${site.name}`}</title>
      <h1>{m.errorHeading}</h1>
      <p>{m.errorText}</p>
      <RetryButton {...retry} />
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
