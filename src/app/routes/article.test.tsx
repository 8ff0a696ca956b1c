import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../test/render-route.tsx';

const SEED = '/20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs/';
const TITLE = 'UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs';

describe('the article route', () => {
  it('renders the seed article with its dateline, captioned hero and READ links', async () => {
    renderRoute(SEED);
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();

    const dateline = screen.getByText('August 9, 2023 at 7:03 pm');
    expect(dateline.tagName).toBe('TIME');
    expect(dateline).toHaveAttribute('datetime', '2023-08-09T19:03:00+01:00');
    expect(screen.getByText('By Middle East Monitor')).toBeInTheDocument();

    const figure = screen.getByRole('figure');
    const image = within(figure).getByRole('img');
    expect(image).toHaveAttribute('width');
    expect(image).toHaveAttribute('height');
    const caption = figure.querySelector('figcaption');
    expect(caption).toHaveTextContent(
      /^Image caption, Minister of State .* on July 18, 2023\s*Image source, Wiktor Szymanowicz\/Future Publishing via Getty Images$/,
    );

    const reads = screen.getAllByRole('complementary', { name: /^Read: / });
    expect(reads.map((read) => within(read).getByRole('link').getAttribute('href'))).toEqual([
      '/20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected/',
      '/20230807-uk-increases-fines-for-bosses-landlords-supporting-illegal-migrants/',
    ]);
    expect(document.title).toBe(`${TITLE} | Middle East Monitor`);
  });

  it('follows a READ link in the app', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(SEED);
    const [firstRead] = await screen.findAllByRole('complementary', { name: /^Read: / });
    if (firstRead === undefined) throw new Error('no READ link on the seed article');
    await user.click(within(firstRead).getByRole('link'));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: '1st batch of migrants in UK moved to Bibby Stockholm barge, more expected',
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(
      '/20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected/',
    );
  });

  it('shows not-found for an unknown slug, with a link home', async () => {
    renderRoute('/no-such-article/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest news' })).toHaveAttribute(
      'href',
      '/',
    );
  });
});
