import { useId } from 'react';
import type { TableBlock } from '../../../contract/article.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { InlineContent } from './inline-content.tsx';

/**
 * A table from the body. A wide one scrolls sideways inside its own box on a phone, not the
 * page: the box is a named region reachable by keyboard, so it can be scrolled without a
 * pointer (WCAG 2.1.1 and 4.1.2, as axe's scrollable-region-focusable asks).
 */
export function ArticleTable({ table }: { table: TableBlock }) {
  const m = useMessages();
  const captionId = useId();
  return (
    <div
      className="table-scroll"
      role="region"
      // A focusable region is how a keyboard scrolls it; the table itself is not interactive.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      {...(table.caption ? { 'aria-labelledby': captionId } : { 'aria-label': m.table })}
    >
      <table className="table">
        {table.caption && <caption id={captionId}>{table.caption}</caption>}
        {table.header && (
          <thead>
            <tr>
              {table.header.map((cell, index) => (
                <th key={index} scope="col">
                  <InlineContent content={cell} />
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>
                  <InlineContent content={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
