import type { ReactNode } from 'react';

type ExternalLinkProps = { href: string; children: ReactNode; className?: string };

/** A link to another site, which says so to screen readers. */
export function ExternalLink({ href, children, className }: ExternalLinkProps) {
  return (
    <a href={href} className={className} rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> (external link)</span>
    </a>
  );
}
