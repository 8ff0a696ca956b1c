import { TimeStamp } from '../../../components/time-stamp.tsx';
import { Label, useMessages } from '../../../lib/i18n/i18n.tsx';

type DatelineProps = { published: string; modified: string };

/** "August 9, 2023 at 7:03 pm", and "Updated ..." when the article changed after publication. */
export function Dateline({ published, modified }: DatelineProps) {
  const m = useMessages();
  // Datelines show minutes: a save seconds after publishing (WordPress's 08:19:18, then
  // 08:19:27) is no update a reader could see.
  const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
  const isUpdated = minute(modified) > minute(published);
  return (
    <p className="dateline">
      <Label>
        <TimeStamp iso={published} form="dateline" />
        {isUpdated && (
          <>
            {' · '}
            <span className="dateline__updated">
              {m.updated} <TimeStamp iso={modified} form="dateline" />
            </span>
          </>
        )}
      </Label>
    </p>
  );
}
