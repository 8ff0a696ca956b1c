import { useMessages } from '../lib/i18n/i18n.tsx';

type RetryAlertProps = { message: string; onRetry: () => void; isRetrying: boolean };

/**
 * A request that failed inside a page that stays on screen (search results, the next page
 * of a list): said where it happened, with a Retry that asks again. What is shown stays.
 */
export function RetryAlert({ message, onRetry, isRetrying }: RetryAlertProps) {
  const m = useMessages();
  return (
    <div className="retry-alert" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? m.retrying : m.retry}
      </button>
    </div>
  );
}
