/** A worker of the search index build: indexes its share of the article files. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexFiles } from './search-index.ts';

const part = indexFiles(workerData as string[]);
parentPort?.postMessage(
  part,
  part.lists.map((list) => list.buffer as ArrayBuffer),
);
