/** Runs content jobs on every core (scripts/lib/worker-pool.ts), or in this thread. */
import { availableParallelism } from 'node:os';
import { runOnWorkers } from '../lib/worker-pool.ts';
import { runJob, type Job, type JobResult } from './content-jobs.ts';

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
  await runOnWorkers(makeJob, onResult, {
    worker: new URL('./content-worker.ts', import.meta.url),
    // Parsing makes garbage fast and keeps little: a young generation of 64 MB collects it
    // as quickly as V8's default (twice that) and a 256 MB old generation is plenty, which
    // keeps the workers of a 100,000-article build about 200 MB smaller.
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 },
    threads,
    name: 'content worker',
  });
}
