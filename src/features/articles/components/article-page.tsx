import { useSuspenseQuery } from '@tanstack/react-query';
import { memo, useRef, type RefObject } from 'react';
import type { Article } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { HydrationSlice } from '../../../components/hydration-slice.tsx';
import { dirOf, Label, LanguageScope, useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths, sectionPath } from '../../../lib/paths.ts';
import { SaveButton } from '../../saved/components/save-button.tsx';
import { useMarkRead } from '../../saved/lib/read-marks.ts';
import { articleQueries } from '../api/article-queries.ts';
import { readingMinutes } from '../lib/reading-time.ts';
import { ArticleBody } from './article-body.tsx';
import { ArticleUpdateNotice } from './article-update-notice.tsx';
import { Byline } from './byline.tsx';
import { Dateline } from './dateline.tsx';
import { Figure } from './figure.tsx';
import { RelatedList } from './related-list.tsx';
import { SectionName } from './section-name.tsx';
import { ShareButton } from './share-button.tsx';
import { StoryLink } from './story-link.tsx';
import { TagList } from './tag-list.tsx';

/**
 * The article as a reader reads it. Its data is already in the cache: the route loader put
 * it there. It is read in its own language (`lang` and `dir`, and its labels and dates),
 * whatever the interface's: an Arabic article reads right to left in an English reader.
 */
export function ArticlePage({ slug }: { slug: string }) {
  const { data: article } = useSuspenseQuery(articleQueries.detail(slug));
  const lang = article.lang ?? site.language;
  const headline = useRef<HTMLHeadingElement>(null);
  useMarkRead(slug);
  return (
    <>
      {/* The reader's own notice, in the interface's language. */}
      <ArticleUpdateNotice article={article} headlineRef={headline} />
      <LanguageScope lang={lang}>
        <ArticleView article={article} lang={lang} headlineRef={headline} />
      </LanguageScope>
    </>
  );
}

/**
 * Memoised: while the next page loads, the router re-renders the current route, and
 * re-rendering a whole article there would hold up the click on a slow phone.
 */
const ArticleView = memo(function ArticleView({
  article,
  lang,
  headlineRef,
}: {
  article: Article;
  lang: string;
  headlineRef: RefObject<HTMLHeadingElement | null>;
}) {
  const m = useMessages();
  const url = `${site.url}${paths.article(article.slug)}`;
  return (
    <article className="article" lang={lang} dir={dirOf(lang)}>
      <title>{`${article.title} | ${site.name}`}</title>
      <meta name="description" content={article.standfirst || article.title} />
      <header className="article__header">
        <SectionName
          className="article__section"
          name={article.section.name}
          to={paths.archive('section', sectionPath(article.section))}
        />
        {/* elementtiming: the web benchmark times the headline's paint after a READ link. */}
        <h1
          className="article__title"
          elementtiming="article-title"
          ref={headlineRef}
          // Focused when the reader asks for a correction published while they read.
          tabIndex={-1}
        >
          {article.title}
        </h1>
        {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
        {article.externalUrl && <StoryLink url={article.externalUrl} />}
        <Byline
          authors={article.authors}
          sourceName={article.sourceName}
          isImported={article.source !== undefined}
        />
        <Dateline published={article.published} modified={article.modified} />
        <div className="article__tools">
          <p className="article__reading-time">
            <Label>{m.readingTime(readingMinutes(article))}</Label>
          </p>
          <ShareButton title={article.title} url={url} />
          <SaveButton
            slug={article.slug}
            title={article.title}
            getArticle={() => Promise.resolve(article)}
          />
        </div>
      </header>
      {article.image && <Figure image={article.image} isHero />}
      {article.isSample && <p className="article__sample-note">{m.sampleNote}</p>}
      <HydrationSlice>
        <ArticleBody body={article.body} />
      </HydrationSlice>
      <p className="article__print-url">{url}</p>
      <HydrationSlice>
        <footer className="article__footer">
          <TagList tags={article.tags} />
          <RelatedList articles={article.related} />
        </footer>
      </HydrationSlice>
    </article>
  );
});
