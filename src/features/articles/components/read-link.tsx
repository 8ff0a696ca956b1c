import type { LinkTarget } from '../../../contract/article.ts';
import { ExternalLink } from '../../../components/external-link.tsx';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { ArticleLink } from './article-link.tsx';

type ReadLinkProps = { title: string; target: LinkTarget };

/**
 * The editor's "READ: <headline>" pointer, kept where the source places it in the body.
 * It is a plain link first, so it works before (and without) JavaScript. A screen reader
 * meets it as a region named "Read: <headline>" whose link is the headline.
 */
export function ReadLink({ title, target }: ReadLinkProps) {
  const m = useMessages();
  return (
    <aside className="read-link" aria-label={m.readRegion(title)}>
      <span className="read-link__label" aria-hidden="true">
        {m.readLabel}
      </span>{' '}
      {target.kind === 'article' ? (
        <ArticleLink slug={target.slug} className="read-link__link">
          {title}
        </ArticleLink>
      ) : (
        <ExternalLink href={target.url} className="read-link__link">
          {title}
        </ExternalLink>
      )}
    </aside>
  );
}
