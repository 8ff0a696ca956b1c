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

  it('keeps a caption with no trailing credit whole, brackets inside included', () => {
    expect(splitCaptionCredit('Talks [in Ankara] went on late')).toEqual({
      caption: 'Talks [in Ankara] went on late',
    });
  });
});
