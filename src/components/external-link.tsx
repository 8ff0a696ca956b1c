import type { ReactNode } from 'react';
import { useMessages } from '../lib/i18n/i18n.tsx';

type ExternalLinkProps = { href: string; children: ReactNode; className?: string };

/** A link to another site, which says so to screen readers. */
export function ExternalLink({ href, children, className }: ExternalLinkProps) {
  const m = useMessages();
  return (
    <a href={href} className={className} rel="noopener noreferrer">
      {children}
      <span className="visually-hidden">{m.externalLink}</span>
    </a>
  );
}
