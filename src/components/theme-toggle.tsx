import { useMessages } from '../lib/i18n/i18n.tsx';
import { setTheme, useTheme } from '../lib/theme.ts';

/** "Dark theme", pressed or not: follows the system until the reader presses it. */
export function ThemeToggle() {
  const m = useMessages();
  const theme = useTheme();
  const isDark = theme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={isDark}
      onClick={() => {
        setTheme(isDark ? 'light' : 'dark');
      }}
    >
      <span aria-hidden="true" className="theme-toggle__icon">
        {isDark ? '☾' : '☀'}
      </span>{' '}
      {m.themeToggle}
    </button>
  );
}
