import { useEffect, useState } from 'react';
import { useMessages } from '../../../lib/i18n/i18n.tsx';

type ShareButtonProps = { title: string; url: string };

/**
 * The system share sheet where the browser has one (phones), else the link copied to the
 * clipboard, said in a polite status ("Link copied") that clears after a few seconds.
 */
export function ShareButton({ title, url }: ShareButtonProps) {
  const m = useMessages();
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => {
      setStatus('');
    }, 4000);
    return () => {
      clearTimeout(timer);
    };
  }, [status]);

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to say. Any other failure falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus(m.linkCopied);
    } catch {
      setStatus(m.copyFailed);
    }
  };

  return (
    <div className="share">
      <button type="button" className="share__button" onClick={() => void share()}>
        {m.share}
      </button>
      <span className="share__status" role="status">
        {status}
      </span>
    </div>
  );
}
