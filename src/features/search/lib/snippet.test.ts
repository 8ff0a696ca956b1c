import { describe, expect, it } from 'vitest';
import { searchTerms } from './fold-text.ts';
import { makeSnippet } from './snippet.ts';

const marked = (text: string, query: string) =>
  makeSnippet(text, searchTerms(query), 3)
    .map((part) => (part.isMatch ? `[${part.text}]` : part.text))
    .join('');

describe('search snippets', () => {
  it('shows the words around the first match, with every match marked', () => {
    expect(
      marked('Migrants were moved to the Bibby Stockholm barge in Dorset on Monday.', 'bibby'),
    ).toBe('… moved to the [Bibby] Stockholm barge in …');
  });

  it('matches whatever the case, diacritics or Turkish i', () => {
    expect(marked('Flights to İstanbul resumed.', 'ISTANBUL')).toBe(
      'Flights to [İstanbul] resumed.',
    );
    expect(marked('The Türkiye deal', 'turkiye')).toBe('The [Türkiye] deal');
  });

  it('matches word beginnings, and marks punctuation-wrapped words', () => {
    expect(marked('Smugglers ("gangs") were named.', 'gang')).toBe(
      'Smugglers [("gangs")] were named.',
    );
  });

  it('opens the text when nothing matches', () => {
    expect(marked('One two three four five six seven eight', 'zebra')).toBe('One two three four …');
  });

  it('matches two-letter terms as whole words only', () => {
    expect(marked('The UK and Ukraine', 'uk')).toBe('The [UK] and Ukraine');
  });
});
