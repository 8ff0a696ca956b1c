import { ExternalLink } from '../../../components/external-link.tsx';
import { useMessages } from '../../../lib/i18n/i18n.tsx';

/** `https://www.example.org/a` -> `example.org`: the site as a reader would name it. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * What a link post is about (JSON Feed's `external_url`), as the first thing to follow:
 * "Read the full story at example.org".
 */
export function StoryLink({ url }: { url: string }) {
  const m = useMessages();
  return (
    <p className="story-link">
      <ExternalLink href={url} className="story-link__link">
        {m.readFullStory(hostOf(url))}
      </ExternalLink>
    </p>
  );
}
