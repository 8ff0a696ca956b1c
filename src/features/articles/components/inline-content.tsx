import type { Inline, TextRun } from '../../../contract/article.ts';
import { ExternalLink } from '../../../components/external-link.tsx';
import { ArticleLink } from './article-link.tsx';

function Run({ run }: { run: TextRun }) {
  let node: React.ReactNode = run.text;
  for (const mark of run.marks ?? []) {
    switch (mark) {
      case 'emphasis':
        node = <em>{node}</em>;
        break;
      case 'strong':
        node = <strong>{node}</strong>;
        break;
      case 'code':
        node = <code>{node}</code>;
        break;
      default:
        mark satisfies never;
    }
  }
  return node;
}

/** Text with emphasis and links, as the body's paragraphs, headings and quotes hold it. */
export function InlineContent({ content }: { content: Inline[] }) {
  return content.map((inline, index) => {
    switch (inline.type) {
      case 'text':
        return <Run key={index} run={inline} />;
      case 'break':
        return <br key={index} />;
      case 'link': {
        const children = inline.children.map((run, i) => <Run key={i} run={run} />);
        return inline.target.kind === 'article' ? (
          <ArticleLink key={index} slug={inline.target.slug}>
            {children}
          </ArticleLink>
        ) : (
          <ExternalLink key={index} href={inline.target.url}>
            {children}
          </ExternalLink>
        );
      }
      default:
        return inline satisfies never;
    }
  });
}
