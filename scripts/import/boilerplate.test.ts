import { describe, expect, it } from 'vitest';
import { BOILERPLATE, isBoilerplateParagraph, withoutTrailingBoilerplate } from './boilerplate.ts';
import { htmlToBlocks } from './html-to-blocks.ts';
import { htmlToText } from './text.ts';

/** One sample per pattern, as its feed wrote it, and the text that must remain. */
const SAMPLES: Record<string, [string, string]> = {
  'appeared first': [
    'Talks stalled again. The post Fighting flares in Khartoum appeared first on Middle East Monitor.',
    'Talks stalled again.',
  ],
  'first appeared': [
    'A review of the trainer. The post Trainer review first appeared on Example Blog.',
    'A review of the trainer.',
  ],
  'this entry was posted': [
    'Short note. This entry was posted in Uncategorized. Bookmark the permalink.',
    'Short note.',
  ],
  'read more here': [
    'Here’s the full rundown of every single power meter …  Read More Here →',
    'Here’s the full rundown of every single power meter',
  ],
  'read more': ['The budget was passed on Friday. Read more »', 'The budget was passed on Friday.'],
  'continue reading': [
    'Democrats showed thinly disguised contempt Continue reading...',
    'Democrats showed thinly disguised contempt',
  ],
};

describe('theme and feed boilerplate', () => {
  it('has a sample for every pattern', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(BOILERPLATE.map((pattern) => pattern.name).sort());
    for (const pattern of BOILERPLATE) expect(pattern.seenIn).not.toBe('');
  });

  it.each(Object.entries(SAMPLES))(
    'strips "%s" from the end of a standfirst',
    (_, [input, kept]) => {
      expect(withoutTrailingBoilerplate(input).replace(/\s*…$/, '')).toBe(kept);
    },
  );

  it('strips an excerpt’s […] and [...] (Manton Reece’s WordPress RSS), and several in a row', () => {
    expect(withoutTrailingBoilerplate('The words end here […]')).toBe('The words end here');
    expect(withoutTrailingBoilerplate('The words end here [...]')).toBe('The words end here');
    expect(withoutTrailingBoilerplate('Words. [&hellip;] Continue reading →')).toBe('Words.');
  });

  it('keeps words that only look like boilerplate', () => {
    for (const text of [
      'Read more about the budget in our explainer on Sunday',
      'The post office appeared first on the list of closures.' + ' It reopened later.',
      'He said: “[…] we will not stop”, and left.',
    ])
      expect(withoutTrailingBoilerplate(text)).toBe(text);
    expect(isBoilerplateParagraph('Continue reading the report, the minister said, and act.')).toBe(
      false,
    );
  });

  it('drops boilerplate paragraphs and boxes from a body, and keeps an elision inside a quote', () => {
    const blocks = htmlToBlocks(
      `<p>Story text.</p>
<blockquote><p>This got me thinking. […]</p></blockquote>
<p><a href="https://example.org/story/" class="more-link">Continue reading <span class="screen-reader-text">"Story"</span></a></p>
<a href="https://www.theguardian.com/us-news/2018/jan/31/story">Continue reading...</a>
<p>The post <a href="https://example.org/story/">Story</a> appeared first on <a href="https://example.org">Example</a>.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li></ul></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Like this:</h3></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div>
<div>\n<a  title="Permanent link to ‘Markoff’" href="https://daringfireball.net/linked/2017/06/22/markoff-forstall">&nbsp;★&nbsp;</a>\n</div>`,
      { siteHosts: new Set(), fallbackAlt: 'Title' },
    );
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Story text.' }] },
      { type: 'quote', paragraphs: [[{ type: 'text', text: 'This got me thinking. […]' }]] },
    ]);
  });

  it('leaves theme links out of excerpts read as text (DC Rainmaker)', () => {
    expect(
      withoutTrailingBoilerplate(
        htmlToText(
          'a brand new just released &#8230;  <a class="read_more" href="https://www.dcrainmaker.com/x.html">Read More Here <span class="meta-nav">&#8594;</span></a>',
        ),
      ),
    ).toBe('a brand new just released …');
  });
});
