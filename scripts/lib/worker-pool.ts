/**
 * Jobs on every core: one worker thread per core, each taking the next job as soon as it
 * finishes one, so a slow job never holds the others up. Jobs are made on demand, so a
 * large build never holds all of its work in memory at once. A worker answers each job
 * with `{ ok: true, result }` or `{ ok: false, error }`.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerReply<TResult> = { ok: true; result: TResult } | { ok: false; error: string };

export type PoolOptions = {
  /** The worker's entry file. */
  worker: URL;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** At most this many threads (default: one per core). */
  threads?: number;
  /** What a failure is called in the error: "content worker", "prerender worker". */
  name: string;
};

// The type parameters let each caller keep its own job and result types at its call site.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export async function runOnWorkers<TJob, TResult>(
  /** The job at `index`, or undefined once there are no more. */
  makeJob: (index: number) => TJob | undefined,
  onResult: (index: number, result: TResult) => void,
  options: PoolOptions,
): Promise<void> {
  let next = 0;
  let isDone = false;
  const workers = Array.from(
    { length: Math.max(1, options.threads ?? availableParallelism()) },
    () =>
      new Worker(options.worker, {
        workerData: options.workerData,
        resourceLimits: options.resourceLimits,
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
              worker.once('message', (reply: WorkerReply<TResult>) => {
                if (!reply.ok) {
                  reject(new Error(`${options.name} failed: ${reply.error}`));
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
