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

const text = (value: string) => [{ type: 'text' as const, text: value }];

describe('ArticleBody tables', () => {
  it('renders a table with its caption, column headers and cells with links and emphasis', () => {
    renderBody([
      {
        type: 'table',
        caption: 'Turnout by state',
        header: [text('State'), text('Turnout')],
        rows: [
          [
            [{ type: 'text', text: 'Lagos', marks: ['emphasis'] }],
            [
              {
                type: 'link',
                target: { kind: 'external', url: 'https://example.org/lagos' },
                children: text('41%'),
              },
            ],
          ],
          [text('Kano'), text('38%')],
        ],
      },
    ]);
    const table = screen.getByRole('table', { name: 'Turnout by state' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual(['State', 'Turnout']);
    headers.forEach((header) => expect(header).toHaveAttribute('scope', 'col'));
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const lagos = within(rows[1] as HTMLElement).getAllByRole('cell');
    expect(lagos[0]?.querySelector('em')).toHaveTextContent('Lagos');
    expect(within(lagos[1] as HTMLElement).getByRole('link', { name: /^41%/ })).toHaveAttribute(
      'href',
      'https://example.org/lagos',
    );
    // The box that scrolls sideways on a phone is named by the caption and reachable by keyboard.
    const region = screen.getByRole('region', { name: 'Turnout by state' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(table);
  });

  it('renders a table without a header row as cells only, in a region named "Table"', () => {
    renderBody([{ type: 'table', rows: [[text('a'), text('b')]] }]);
    const table = screen.getByRole('table');
    expect(within(table).queryAllByRole('columnheader')).toEqual([]);
    expect(
      within(table)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['a', 'b']);
    expect(table.querySelector('caption')).toBeNull();
    expect(screen.getByRole('region', { name: 'Table' })).toContainElement(table);
  });
});

describe('ArticleBody embeds', () => {
  it('renders an embed as a link card with provider, title, thumbnail and caption', () => {
    renderBody([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        provider: 'YouTube',
        title: 'فيديو: افتتاح المعرض',
        caption: 'The opening, filmed by a visitor.',
        thumbnail: {
          src: '/images/thumb.jpg',
          alt: '',
          width: 480,
          height: 360,
          widths: [320, 480],
        },
      },
    ]);
    const card = screen.getByRole('figure');
    expect(card.querySelector('figcaption')).toHaveTextContent('The opening, filmed by a visitor.');
    const link = within(card).getByRole('link', {
      name: /^YouTube\s*فيديو: افتتاح المعرض\s*\(opens another site\)$/,
    });
    expect(link).toHaveAttribute('href', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(link).getByText('فيديو: افتتاح المعرض')).toHaveAttribute('dir', 'auto');
    // The thumbnail is the build's own published photo, decorative inside the named link.
    const thumbnail = link.querySelector('img');
    expect(thumbnail).toHaveAttribute('src', '/images/thumb-480.jpg');
    expect(thumbnail).toHaveAttribute('alt', '');
    expect(card.querySelector('iframe, script')).toBeNull();
  });

  it('shows the URL when an embed has no title, and no picture when it has no thumbnail', () => {
    renderBody([{ type: 'embed', url: 'https://vimeo.com/76979871', provider: 'Vimeo' }]);
    const link = screen.getByRole('link', {
      name: /^Vimeo\s*https:\/\/vimeo\.com\/76979871\s*\(opens another site\)$/,
    });
    expect(link.querySelector('img')).toBeNull();
    expect(within(link).getByText('https://vimeo.com/76979871')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('figure').querySelector('figcaption')).toBeNull();
  });
});

describe('ArticleBody photos', () => {
  it('shows a photo narrower than the column at its own size, and a wide one across it', () => {
    renderBody([
      {
        type: 'image',
        image: { src: '/images/small.jpg', alt: 'A small photo', width: 300, height: 168 },
      },
      {
        type: 'image',
        image: { src: '/images/wide.jpg', alt: 'A wide photo', width: 1200, height: 675 },
      },
    ]);
    const [small, wide] = screen.getAllByRole('figure');
    expect(small).toHaveClass('figure--small');
    expect(wide).not.toHaveClass('figure--small');
  });
});
