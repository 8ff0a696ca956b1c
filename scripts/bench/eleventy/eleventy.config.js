/**
 * Eleventy 3 set up as a typical Markdown site, for the content benchmark: the generated
 * articles are its input, front matter and all, and each page goes through one Nunjucks layout
 * that shows the title and the rendered Markdown. Everything else is Eleventy's default
 * (Markdown is preprocessed with Liquid, `tags` build collections, one `<slug>/index.html` per
 * article). The layout is a virtual template, so the input folder can be any generated corpus.
 */
const LAYOUT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{{ title }}</title>
  </head>
  <body>
    <main>
      <article>
        <h1>{{ title }}</h1>
        {{ content | safe }}
      </article>
    </main>
  </body>
</html>
`;

/** @param {import('@11ty/eleventy').UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addTemplate('_includes/article.njk', LAYOUT);
  eleventyConfig.addGlobalData('layout', 'article.njk');
  eleventyConfig.setQuietMode(true);
}

export const config = {
  templateFormats: ['md'],
  htmlTemplateEngine: 'njk',
};
