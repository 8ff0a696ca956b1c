import { describe, expect, it } from 'vitest';
import { searchTerms } from './fold-text.ts';
import { firstMatchingSnippet, makeSnippet } from './snippet.ts';

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

describe('search snippets across paragraphs', () => {
  const text = [
    'Background',
    'The deal was signed in London.',
    'READ: 1st batch of migrants in UK moved to Bibby Stockholm barge, more expected',
    'Officials said the gangs “adapt quickly.”',
    'More talks follow',
  ].join('\n');

  it('never runs a paragraph without a full stop into the next', () => {
    expect(marked(text, 'expected')).toBe(
      '… Stockholm barge, more [expected] … Officials said the …',
    );
    expect(marked(text, 'background')).toBe('[Background] … The deal was …');
  });

  it('keeps a plain space after a finished sentence, behind its closing quote too', () => {
    expect(marked(text, 'london')).toBe('… was signed in [London.] READ: 1st batch …');
    expect(marked(text, 'quickly')).toBe('… the gangs “adapt [quickly.”] More talks follow');
  });
});

describe('the snippet of the first text that matches', () => {
  const own = 'The UK and Türkiye signed a deal on smuggling gangs.';
  const withReadLines = `${own}\nREAD: Migrants moved to Bibby Stockholm barge\nTalks go on.`;
  const snippet = (query: string) =>
    firstMatchingSnippet([own, withReadLines], searchTerms(query))
      .map((part) => (part.isMatch ? `[${part.text}]` : part.text))
      .join('');

  it('cuts from the article’s own words when they match', () => {
    expect(snippet('gangs')).toBe('The UK and Türkiye signed a deal on smuggling [gangs.]');
  });

  it('shows a READ line, apart from its neighbours, only when the match is there', () => {
    expect(snippet('bibby')).toBe(
      '… and Türkiye signed a deal on smuggling gangs. READ: Migrants moved to [Bibby] Stockholm barge … Talks go on.',
    );
  });

  it('opens the article’s own words when nothing matches', () => {
    expect(snippet('zebra')).toBe('The UK and Türkiye signed a deal on smuggling gangs.');
  });
});
