import { TimeStamp } from '../../../components/time-stamp.tsx';
import { Label, useMessages } from '../../../lib/i18n/i18n.tsx';

type DatelineProps = { published: string; modified: string };

/** "August 9, 2023 at 7:03 pm", and "Updated ..." when the article changed after publication. */
export function Dateline({ published, modified }: DatelineProps) {
  const m = useMessages();
  const isUpdated = Date.parse(modified) > Date.parse(published);
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
