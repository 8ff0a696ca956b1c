import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../contract/article.ts';
import { ArticleBody } from './article-body.tsx';

function renderBody(body: Block[]) {
  const router = createMemoryRouter([{ path: '/', element: <ArticleBody body={body} /> }]);
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('ArticleBody', () => {
  it('renders every block type in order', () => {
    renderBody([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Background' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Plain, ' },
          { type: 'text', text: 'stressed', marks: ['strong', 'emphasis'] },
          { type: 'text', text: ' and ' },
          {
            type: 'link',
            target: { kind: 'external', url: 'https://www.un.org/' },
            children: [{ type: 'text', text: 'the UN' }],
          },
        ],
      },
      { type: 'quote', paragraphs: [[{ type: 'text', text: 'A quoted line.' }]] },
      {
        type: 'list',
        isOrdered: true,
        items: [[{ type: 'text', text: 'First' }], [{ type: 'text', text: 'Second' }]],
      },
      { type: 'image', image: { src: '/images/x.svg', alt: 'A harbour', width: 4, height: 3 } },
      {
        type: 'read-link',
        title: 'Another story',
        target: { kind: 'article', slug: 'another-story' },
      },
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Background' })).toBeInTheDocument();
    const stressed = screen.getByText('stressed');
    expect(stressed.closest('em')).not.toBeNull();
    expect(stressed.closest('strong')).not.toBeNull();
    expect(screen.getByRole('link', { name: /^the UN\s*\(opens another site\)$/ })).toHaveAttribute(
      'href',
      'https://www.un.org/',
    );
    expect(screen.getByText('A quoted line.').closest('blockquote')).not.toBeNull();
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('img', { name: 'A harbour' })).toHaveAttribute('loading', 'lazy');
    const read = screen.getByRole('complementary', { name: 'Read: Another story' });
    expect(read).toHaveTextContent('READ: Another story');
    expect(within(read).getByRole('link', { name: 'Another story' })).toHaveAttribute(
      'href',
      '/another-story/',
    );
  });

  it('renders no caption when an image has none', () => {
    renderBody([
      { type: 'image', image: { src: '/images/x.svg', alt: 'A harbour', width: 4, height: 3 } },
    ]);
    expect(screen.getByRole('figure').querySelector('figcaption')).toBeNull();
  });
});
