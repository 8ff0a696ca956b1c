import { useMessages } from '../lib/i18n/i18n.tsx';

type RetryProps = { onRetry: () => void; isRetrying: boolean };

/** Retry, which says so while it is retrying. */
export function RetryButton({ onRetry, isRetrying }: RetryProps) {
  const m = useMessages();
  return (
    <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
      {isRetrying ? m.retrying : m.retry}
    </button>
  );
}

/**
 * A request that failed inside a page that stays on screen (search results, the next page
 * of a list): said where it happened, with a Retry that asks again. What is shown stays.
 */
export function RetryAlert({ message, ...retry }: RetryProps & { message: string }) {
  return (
    <div className="retry-alert" role="alert">
      <p>{message}</p>
      <RetryButton {...retry} />
    </div>
  );
}
