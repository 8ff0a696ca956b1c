import type { Block } from '../../../contract/article.ts';
import { ArticleTable } from './article-table.tsx';
import { EmbedCard } from './embed-card.tsx';
import { Figure } from './figure.tsx';
import { InlineContent } from './inline-content.tsx';
import { ReadLink } from './read-link.tsx';

/** One body block. A new block type in the contract fails to compile until it is rendered here. */
function BodyBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineContent content={block.content} />
        </p>
      );
    case 'heading': {
      const Heading = `h${block.level}` as const;
      return (
        <Heading>
          <InlineContent content={block.content} />
        </Heading>
      );
    }
    case 'quote':
      return (
        <blockquote>
          {block.paragraphs.map((content, index) => (
            <p key={index}>
              <InlineContent content={content} />
            </p>
          ))}
        </blockquote>
      );
    case 'list': {
      const List = block.isOrdered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((content, index) => (
            <li key={index}>
              <InlineContent content={content} />
            </li>
          ))}
        </List>
      );
    }
    case 'image':
      return <Figure image={block.image} />;
    case 'read-link':
      return <ReadLink title={block.title} target={block.target} />;
    case 'table':
      return <ArticleTable table={block} />;
    case 'embed':
      return <EmbedCard embed={block} />;
    default:
      return block satisfies never;
  }
}

export function ArticleBody({ body }: { body: Block[] }) {
  return (
    <div className="article-body">
      {body.map((block, index) => (
        <BodyBlock key={index} block={block} />
      ))}
    </div>
  );
}
