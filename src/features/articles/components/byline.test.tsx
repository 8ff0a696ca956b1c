import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import type { Named } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { Byline } from './byline.tsx';

function renderByline(props: { authors: Named[]; sourceName?: string; isImported: boolean }) {
  const router = createMemoryRouter([{ path: '/', element: <Byline {...props} /> }]);
  return render(<RouterProvider router={router} />);
}

const ada = { name: 'Ada Obi', slug: 'ada-obi' };
const bayo = { name: 'Bayo Ade', slug: 'bayo-ade' };

describe('Byline', () => {
  it('names the authors, each linking to their page, before the source site', () => {
    renderByline({ authors: [ada, bayo], sourceName: 'Premium Times', isImported: true });
    expect(screen.getByText(/^By/)).toHaveTextContent('By Ada Obi and Bayo Ade');
    expect(screen.getByRole('link', { name: 'Bayo Ade' })).toHaveAttribute(
      'href',
      '/author/bayo-ade/',
    );
    expect(screen.queryByText(/Premium Times/)).toBeNull();
  });

  it('credits the source site when an imported article names no author', () => {
    renderByline({ authors: [], sourceName: 'Premium Times', isImported: true });
    expect(screen.getByText(/^By/)).toHaveTextContent('By Premium Times');
    expect(screen.queryByText(new RegExp(site.name))).toBeNull();
  });

  it('has no byline at all for an imported article with neither authors nor source name', () => {
    const { container } = renderByline({ authors: [], isImported: true });
    expect(container).toBeEmptyDOMElement();
  });

  it('credits the publication for its own article without named authors', () => {
    renderByline({ authors: [], isImported: false });
    expect(screen.getByText(/^By/)).toHaveTextContent(`By ${site.name}`);
  });
});
