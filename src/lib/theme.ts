/**
 * Light or dark. Until the reader chooses, the reader follows the system
 * (`prefers-color-scheme`, in the styles); the header's toggle records a choice in
 * localStorage and on `<html data-theme>`, which `public/boot.js` sets again before the
 * first paint of every later visit, so a dark page never flashes light.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

/** Where the choice is kept; `public/boot.js` reads the same key. */
export const THEME_STORAGE_KEY = 'reader-theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function chosen(): Theme | undefined {
  const value = document.documentElement.dataset.theme;
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The theme on screen: the reader's choice, else the system's. */
export function getTheme(): Theme {
  return chosen() ?? (globalThis.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light');
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage off: the choice lasts this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = globalThis.matchMedia?.(DARK_QUERY);
  media?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', listener);
  };
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, getTheme, () => 'light');
}
