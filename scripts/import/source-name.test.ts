import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { sourceNameOf } from './source-name.ts';

describe('the source site’s name', () => {
  it.each([
    ['The Guardian', 'The Guardian'],
    ['fboës - Der Blog | Startseite', 'fboës - Der Blog'],
    ['Premium Times Nigeria - RSS Feed', 'Premium Times Nigeria'],
    ['Daring Fireball', 'Daring Fireball'],
    ['DC Rainmaker', 'DC Rainmaker'],
    ['Tom &amp; Jerry News: Latest News', 'Tom & Jerry News'],
    // Not obviously a feed suffix: kept whole.
    ['News - Politics', 'News - Politics'],
  ])('reads %s as %s', (title, name) => {
    expect(sourceNameOf(title)).toBe(name);
  });

  it('is never empty, and never the reader’s own name', () => {
    expect(sourceNameOf('  ')).toBeUndefined();
    expect(sourceNameOf(undefined)).toBeUndefined();
    expect(sourceNameOf(site.name)).toBeUndefined();
    expect(sourceNameOf(`${site.name.toUpperCase()} - RSS`)).toBeUndefined();
  });
});
