// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../lib/dates.ts';
import { TimeStamp } from './time-stamp.tsx';

describe('a date in the prerender', () => {
  it('is written as a date, never as a time ago: the page is read long after it is built', () => {
    const anHourAgo = new Date(Date.now() - 3600_000).toISOString();
    const html = renderToString(<TimeStamp iso={anHourAgo} form="date" />);
    expect(html).toContain(`>${formatDate(anHourAgo)}</time>`);
    expect(html).not.toMatch(/ago/);
  });
});
