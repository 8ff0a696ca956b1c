import type { ReactNode } from 'react';
import { TimeStamp } from '../../../components/time-stamp.tsx';
import { Label, LanguageScope, useInterfaceLocale, useMessages } from '../../../lib/i18n/i18n.tsx';

type CardMetaProps = {
  published: string;
  isRead?: boolean;
  /** The card's Save button, when it has one. */
  save?: ReactNode;
};

/**
 * A card's date, "Already read" and Save, by one rule on every card (lists, Related under an
 * article, search results, Saved): they are the reader's, in the interface's language
 * whatever the card's (decision 006), each marked with that language and isolated; the row
 * itself runs in the card's direction, so it starts at the headline's edge. An Arabic card in
 * the English interface has "August 11, 2023" at its right edge, under its headline.
 */
export function CardMeta(props: CardMetaProps) {
  // Reset to the interface's language: a Related card sits inside its article's scope.
  return (
    <LanguageScope lang={useInterfaceLocale()}>
      <CardMetaRow {...props} />
    </LanguageScope>
  );
}

function CardMetaRow({ published, isRead = false, save }: CardMetaProps) {
  const m = useMessages();
  return (
    <p className="card__date">
      <Label>
        <TimeStamp iso={published} form="date" />
      </Label>
      {isRead && (
        <Label>
          <span className="card__read">{m.alreadyRead}</span>
        </Label>
      )}
      {save && <Label>{save}</Label>}
    </p>
  );
}
