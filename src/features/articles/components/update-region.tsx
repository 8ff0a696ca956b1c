import type { ReactNode } from 'react';

/**
 * Where "3 new stories" and "This article has been updated" appear: a polite live region
 * (a status's), not role=status, since a list's own status line ("Showing pages 1 to 2")
 * keeps that role to itself. It stays in the page while empty, so what arrives is announced.
 */
export function UpdateRegion({ children }: { children: ReactNode }) {
  return (
    <div className="new-stories" aria-live="polite" aria-atomic="true">
      {children}
    </div>
  );
}
