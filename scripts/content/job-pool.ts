/**
 * Runs content jobs on every core: one worker thread per core, each taking the next job as
 * soon as it finishes one, so a slow chunk never holds the others up. Jobs are made on
 * demand, so a large build never holds all of its work in memory at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './content-jobs.ts';

type Reply = { ok: true; result: JobResult } | { ok: false; error: string };

export async function runJobs(
  /** The job at `index`, or undefined once there are no more. */
  makeJob: (index: number) => Job | undefined,
  onResult: (index: number, result: JobResult) => void,
  options: { useWorkers: boolean },
): Promise<void> {
  const threads = availableParallelism();
  if (!options.useWorkers || threads <= 1) {
    for (let index = 0; ; index++) {
      const job = makeJob(index);
      if (job === undefined) return;
      onResult(index, runJob(job));
    }
  }
  let next = 0;
  let isDone = false;
  const workers = Array.from(
    { length: threads },
    // Parsing makes garbage fast and keeps little: a young generation of 64 MB collects it
    // as quickly as V8's default (twice that) and a 256 MB old generation is plenty, which
    // keeps the workers of a 100,000-article build about 200 MB smaller.
    () =>
      new Worker(new URL('./content-worker.ts', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 },
      }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once('error', reject);
            const take = () => {
              const index = next++;
              const job = isDone ? undefined : makeJob(index);
              if (job === undefined) {
                isDone = true;
                resolve();
                return;
              }
              worker.once('message', (reply: Reply) => {
                if (!reply.ok) {
                  reject(new Error(`content worker failed: ${reply.error}`));
                  return;
                }
                onResult(index, reply.result);
                take();
              });
              worker.postMessage(job);
            };
            take();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
