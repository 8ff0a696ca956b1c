import { formatDateline } from '../../../lib/dates.ts';

type DatelineProps = { published: string; modified: string };

/** "August 9, 2023 at 7:03 pm", and "Updated ..." when the article changed after publication. */
export function Dateline({ published, modified }: DatelineProps) {
  const isUpdated = Date.parse(modified) > Date.parse(published);
  return (
    <p className="dateline">
      <time dateTime={published}>{formatDateline(published)}</time>
      {isUpdated && (
        <>
          {' · '}
          <span className="dateline__updated">
            Updated <time dateTime={modified}>{formatDateline(modified)}</time>
          </span>
        </>
      )}
    </p>
  );
}
