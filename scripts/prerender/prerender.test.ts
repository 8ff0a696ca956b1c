import { describe, expect, it } from 'vitest';
import { summary } from './prerender.ts';

describe('summary', () => {
  it('counts the shells apart from the site’s pages, and the files written as their sum', () => {
    expect(
      summary({
        pages: 88,
        rendered: 88,
        shells: ['search/index.html', 'saved/index.html', '404.html'],
        deleted: 0,
        ms: 4_130,
      }),
    ).toBe(
      'prerender: 88 pages (88 rendered, 0 unchanged) and 3 shells (search/index.html, saved/index.html, 404.html): 91 files written, 0 deleted, in 4.1 s',
    );
  });

  it('says what a rebuild left alone', () => {
    expect(summary({ pages: 88, rendered: 2, shells: [], deleted: 1, ms: 300 })).toBe(
      'prerender: 88 pages (2 rendered, 86 unchanged) and shells unchanged: 2 files written, 1 deleted, in 0.3 s',
    );
  });
});
