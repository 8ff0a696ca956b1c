/** Grey shapes where content is about to appear, so a slow network never shows a blank page. */
export function ArticleSkeleton() {
  return (
    <div className="skeleton" aria-hidden="true" data-testid="article-skeleton">
      <div className="skeleton__line skeleton__line--short" />
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__line skeleton__line--title skeleton__line--short" />
      <div className="skeleton__block" />
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="skeleton__line" />
      ))}
    </div>
  );
}

export function ListSkeleton() {
  return (
    <div className="skeleton" aria-hidden="true" data-testid="list-skeleton">
      <div className="skeleton__line skeleton__line--title skeleton__line--short" />
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="skeleton__card">
          <div className="skeleton__lines">
            <div className="skeleton__line skeleton__line--short" />
            <div className="skeleton__line skeleton__line--title" />
            <div className="skeleton__line" />
          </div>
          <div className="skeleton__thumb" />
        </div>
      ))}
    </div>
  );
}

/** The skeleton that fits the page at `pathname`. */
export function SkeletonFor({ pathname }: { pathname: string }) {
  const isList = pathname === '/' || /^\/(page|category|tags|author)\//.test(pathname);
  return isList ? <ListSkeleton /> : <ArticleSkeleton />;
}
