import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { countSlices, sliceHydrated, useHydrated } from './hydration.ts';

function DeviceOnly() {
  return <p>{useHydrated() ? 'saved on this device' : 'as prerendered'}</p>;
}

describe('a page hydrating in slices', () => {
  it('shows what only the device knows once every slice counted in the markup has hydrated', async () => {
    const markup = document.createElement('div');
    // Two Suspense boundaries as React writes them on the server, and a comment of the page's.
    markup.append(
      document.createComment('$'),
      document.createElement('header'),
      document.createComment('/$'),
      document.createComment('$'),
      document.createElement('footer'),
      document.createComment('/$'),
      document.createComment('not a boundary'),
    );
    countSlices(markup);
    render(<DeviceOnly />);
    expect(screen.getByText('as prerendered')).toBeInTheDocument();
    act(() => {
      sliceHydrated();
    });
    expect(screen.getByText('as prerendered')).toBeInTheDocument();
    act(() => {
      sliceHydrated();
    });
    expect(await screen.findByText('saved on this device')).toBeInTheDocument();
    // Mounted later (after a navigation), it starts as hydrated.
    render(<DeviceOnly />);
    expect(screen.getAllByText('saved on this device')).toHaveLength(2);
  });
});
