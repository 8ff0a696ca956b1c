/**
 * `node scripts/prerender/cli.ts [--dist dist] [--server .ssr/entry-server.js]`: prerenders
 * the built site (the last step of `npm run build`).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prerender, summary } from './prerender.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    server: { type: 'string', default: '.ssr/entry-server.js' },
  },
});
const stats = await prerender({
  distDir: path.resolve(values.dist),
  serverEntry: path.resolve(values.server),
});
console.log(summary(stats));
