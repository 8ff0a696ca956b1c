/** `npm run content:check`: runs the content build without writing, and lists every problem. */
import path from 'node:path';
import { buildContent } from './build-content.ts';
import { failureReport } from './problem.ts';

try {
  const { articleCount } = await buildContent({ contentDir: path.resolve('content') });
  console.log(`content: ${articleCount} articles, no problems`);
} catch (error) {
  console.error(failureReport('content check', error));
  process.exitCode = 1;
}
