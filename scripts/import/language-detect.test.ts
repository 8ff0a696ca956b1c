import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { mainScript, settleLanguage } from './language-detect.ts';

const hoder = await readFile(new URL('test/real/rss-hoder-persian.xml', import.meta.url), 'utf8');
/** The first item's title and description of the Persian blog (test/real/rss-hoder-persian.xml). */
const persian = [
  ...hoder.matchAll(
    /<item>[\s\S]*?<title>([^<]*)<\/title>[\s\S]*?<description>([^<]*)<\/description>/g,
  ),
]
  .map((match) => `${match[1] ?? ''} ${match[2] ?? ''}`)
  .join(' ');

describe('the language of an article', () => {
  it('keeps the language the source states', async () => {
    expect(await settleLanguage('de-DE', 'Die Rückkehr von <i> und <b>')).toBe('de-DE');
    expect(await settleLanguage('id', 'Studio foto Senjakara')).toBe('id');
  });

  it('lets Arabic script win over a feed that says en-us (the Persian blog)', async () => {
    expect(mainScript(persian).script).toBe('arabic');
    expect(await settleLanguage('en-US', persian)).toBe('fa');
    expect(await settleLanguage(undefined, persian)).toBe('fa');
  });

  it('never writes Arabic or Hebrew script as a left-to-right language, even when short', async () => {
    for (const text of ['مرحبا', 'السودان: اشتباكات في الخرطوم', 'ok مرحبا بكم']) {
      expect(['ar', 'fa', 'ur', 'ps', 'ckb']).toContain(await settleLanguage(undefined, text));
      expect(['ar', 'fa', 'ur', 'ps', 'ckb']).toContain(await settleLanguage('en', text));
    }
    expect(await settleLanguage(undefined, 'שלום')).toBe('he');
    expect(await settleLanguage('en', 'הלחימה בחרטום נמשכת בזמן שהשיחות על הפסקת אש נתקעו')).toBe(
      'he',
    );
    // The detector has no Yiddish: Hebrew script still reads right to left.
    expect(['he', 'yi']).toContain(
      await settleLanguage(
        undefined,
        'די קאמף אין כארטום גייט ווייטער ווען די שלום שמועסן זענען געשטאפט',
      ),
    );
    // A stated language of the script stays: the detector may not tell Urdu from Persian.
    expect(await settleLanguage('ur', 'خرطوم میں لڑائی جاری ہے')).toBe('ur');
  });

  it('detects a language from enough text, and writes nothing from too little', async () => {
    expect(
      await settleLanguage(
        undefined,
        'Fighting flared again in Khartoum on Saturday as ceasefire talks in Jeddah stalled, witnesses said.',
      ),
    ).toBe('en');
    expect(
      await settleLanguage(
        undefined,
        'Pemerintah Indonesia mengumumkan kebijakan baru untuk mengatasi kemacetan di Jakarta pada hari Senin.',
      ),
    ).toBeUndefined(); // Indonesian, which the detector reads as Malay: not written.
    expect(
      await settleLanguage(
        undefined,
        'Die Regierung hat am Montag neue Regeln für den Verkehr in der Innenstadt beschlossen.',
      ),
    ).toBe('de');
    expect(await settleLanguage(undefined, 'Gaza fishermen')).toBeUndefined();
    expect(await settleLanguage(undefined, '')).toBeUndefined();
  });
});
