import {
  LANGUAGE_NAMES,
  LOCALES,
  setLocale,
  useInterfaceLocale,
  useMessages,
  type Locale,
} from '../lib/i18n/i18n.tsx';

/** The interface language, in the footer; each language is named in itself. */
export function LanguageSwitch() {
  const m = useMessages();
  const locale = useInterfaceLocale();
  return (
    <label className="language-switch">
      {m.languageLabel}{' '}
      <select
        value={locale}
        onChange={(event) => {
          setLocale(event.target.value as Locale);
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
