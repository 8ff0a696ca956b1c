import { describe, expect, it } from 'vitest';
import { hiddenEdges } from './side-scroller.ts';

describe('hiddenEdges', () => {
  it('marks the end only, at the start of a row wider than its box', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 600, clientWidth: 390 })).toEqual({
      start: false,
      end: true,
    });
  });

  it('marks both edges in the middle, and the start only at the end', () => {
    expect(hiddenEdges({ scrollLeft: 100, scrollWidth: 600, clientWidth: 390 })).toEqual({
      start: true,
      end: true,
    });
    expect(hiddenEdges({ scrollLeft: 210, scrollWidth: 600, clientWidth: 390 })).toEqual({
      start: true,
      end: false,
    });
  });

  it('reads a right-to-left row, whose scrollLeft runs negative, from its start', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 600, clientWidth: 390 }).end).toBe(true);
    expect(hiddenEdges({ scrollLeft: -210, scrollWidth: 600, clientWidth: 390 })).toEqual({
      start: true,
      end: false,
    });
  });

  it('ignores the fraction of a pixel a sub-pixel layout leaves at a scrolled end', () => {
    expect(hiddenEdges({ scrollLeft: 209.5, scrollWidth: 600, clientWidth: 390 }).end).toBe(false);
  });

  it('marks nothing when the row fits', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 390, clientWidth: 390 })).toEqual({
      start: false,
      end: false,
    });
  });
});
