import { Link } from 'react-router';
import type { Named } from '../../../contract/article.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';

export function TagList({ tags }: { tags: Named[] }) {
  const m = useMessages();
  if (tags.length === 0) return null;
  return (
    <section className="tags" aria-labelledby="tags-heading">
      <h2 id="tags-heading" className="tags__heading">
        {m.tags}
      </h2>
      <ul className="tags__list">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link to={paths.archive('tag', tag.slug)} className="tags__link">
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
