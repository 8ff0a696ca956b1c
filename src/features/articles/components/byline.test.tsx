import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import type { Named } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { LanguageScope } from '../../../lib/i18n/i18n.tsx';
import { Byline } from './byline.tsx';

function renderByline(
  props: { authors: Named[]; sourceName?: string; isImported: boolean },
  articleLang?: string,
) {
  const byline = <Byline {...props} />;
  const element = articleLang ? <LanguageScope lang={articleLang}>{byline}</LanguageScope> : byline;
  const router = createMemoryRouter([{ path: '/', element }]);
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

  it('marks its words with their own language and direction in an article the labels are not in', () => {
    // A Persian article: the reader has no Persian labels, so "By" is English, and must read
    // left to right inside the right-to-left page.
    renderByline({ authors: [ada], isImported: true }, 'fa');
    const words = screen.getByText(/^By/);
    expect(words).toHaveAttribute('lang', 'en');
    expect(words).toHaveAttribute('dir', 'ltr');
    expect(words).toHaveTextContent('By Ada Obi');
  });

  it('credits the publication for its own article without named authors', () => {
    renderByline({ authors: [], isImported: false });
    expect(screen.getByText(/^By/)).toHaveTextContent(`By ${site.name}`);
  });
});
