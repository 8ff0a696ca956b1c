/**
 * `CONTENT_BUILD_TRACE=1` prints how long each step of a content build took and the memory
 * in use after it: where to look first when a large archive builds slowly.
 */
const isOn = process.env.CONTENT_BUILD_TRACE === '1';
const started = performance.now();

export function trace(step: string): void {
  if (!isOn) return;
  const ms = Math.round(performance.now() - started);
  const { rss, heapUsed } = process.memoryUsage();
  const mb = `${Math.round(rss / 1e6)} MB (heap ${Math.round(heapUsed / 1e6)})`;
  console.error(`[content] ${String(ms).padStart(6)} ms ${mb}  ${step}`);
}
