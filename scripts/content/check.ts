/** `npm run content:check`: runs the content build without writing, and lists every problem. */
import path from 'node:path';
import { buildContent } from './build-content.ts';
import { ContentError } from './problem.ts';

try {
  const { articleCount } = await buildContent({ contentDir: path.resolve('content') });
  console.log(`content: ${articleCount} articles, no problems`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
