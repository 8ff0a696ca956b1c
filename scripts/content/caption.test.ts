import { describe, expect, it } from 'vitest';
import { splitCaptionCredit } from './caption.ts';

describe('splitCaptionCredit', () => {
  it('splits the source’s bracketed credit from the caption', () => {
    expect(
      splitCaptionCredit(
        'Robert Jenrick leaves 10 Downing Street on July 18, 2023 [Wiktor Szymanowicz/Future Publishing via Getty Images]',
      ),
    ).toEqual({
      caption: 'Robert Jenrick leaves 10 Downing Street on July 18, 2023',
      credit: 'Wiktor Szymanowicz/Future Publishing via Getty Images',
    });
  });

  it('tolerates a stray space before the closing bracket', () => {
    expect(splitCaptionCredit('A harbour at dawn [Anadolu Agency ]')).toEqual({
      caption: 'A harbour at dawn',
      credit: 'Anadolu Agency',
    });
  });

  it('splits an Arabic caption, directional marks around the credit left out', () => {
    expect(
      splitCaptionCredit('صيادون يعودون إلى ميناء غزة فجر الخميس، 10 آب/أغسطس 2023 [وكالة الأناضول]'),
    ).toEqual({
      caption: 'صيادون يعودون إلى ميناء غزة فجر الخميس، 10 آب/أغسطس 2023',
      credit: 'وكالة الأناضول',
    });
    expect(splitCaptionCredit('سفينة حبوب في مضيق البوسفور \u200f[\u200fوكالة الأناضول ]\u200f')).toEqual({
      caption: 'سفينة حبوب في مضيق البوسفور',
      credit: 'وكالة الأناضول',
    });
  });

  it('splits a Turkish caption, its letters kept as written', () => {
    expect(
      splitCaptionCredit('İstanbul Boğazı’ndan geçen bir tahıl gemisi, 14 Ağustos 2023 [Anadolu Ajansı]'),
    ).toEqual({
      caption: 'İstanbul Boğazı’ndan geçen bir tahıl gemisi, 14 Ağustos 2023',
      credit: 'Anadolu Ajansı',
    });
  });

  it('keeps a caption with no trailing credit whole, brackets inside included', () => {
    expect(splitCaptionCredit('Talks [in Ankara] went on late')).toEqual({
      caption: 'Talks [in Ankara] went on late',
    });
  });
});
