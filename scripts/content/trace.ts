/**
 * `CONTENT_BUILD_TRACE=1` prints how long each step of a content build took and the memory
 * in use after it: where to look first when a large archive builds slowly.
 */
const isOn = process.env.CONTENT_BUILD_TRACE === '1';
const started = performance.now();

export function trace(step: string): void {
  if (!isOn) return;
  const ms = Math.round(performance.now() - started);
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const round = (bytes: number) => Math.round(bytes / 1e6);
  const mb = `${round(rss)} MB (heap ${round(heapUsed)} of ${round(heapTotal)}, external ${round(external)})`;
  console.error(`[content] ${String(ms).padStart(6)} ms ${mb}  ${step}`);
}
