/** Worker thread entry: runs content jobs sent by the pool in `job-pool.ts`. */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './content-jobs.ts';

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ ok: true, result: runJob(job) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});
