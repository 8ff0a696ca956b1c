import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageScope } from '../../../lib/i18n/i18n.tsx';
import { StoryLink } from './story-link.tsx';

describe('StoryLink', () => {
  it('links a link post to what it is about, named by its site, as a link to another site', () => {
    render(<StoryLink url="https://www.example.org/2024/report?id=1" />);
    const link = screen.getByRole('link', {
      name: /^Read the full story at example\.org\s*\(opens another site\)$/,
    });
    expect(link).toHaveAttribute('href', 'https://www.example.org/2024/report?id=1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('speaks the article’s language', () => {
    render(
      <LanguageScope lang="ar">
        <StoryLink url="https://news.example.org/a" />
      </LanguageScope>,
    );
    expect(screen.getByRole('link')).toHaveTextContent('اقرأ القصة كاملة على news.example.org');
  });
});
