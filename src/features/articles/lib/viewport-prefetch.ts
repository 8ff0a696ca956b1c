/**
 * On touch screens there is no hover to show intent, so a link prefetches as it scrolls
 * into view. One observer watches every such link on the page; with a mouse (or without
 * IntersectionObserver) nothing is watched, and hover and focus do the job.
 */
const callbacks = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

function isTouchFirst(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(hover: none)').matches;
}

/** Calls `prefetch` once when `element` enters the viewport; returns the cleanup. */
export function prefetchWhenVisible(element: Element, prefetch: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined' || !isTouchFirst()) return () => undefined;
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer?.unobserve(entry.target);
      callbacks.get(entry.target)?.();
      callbacks.delete(entry.target);
    }
  });
  callbacks.set(element, prefetch);
  observer.observe(element);
  return () => {
    observer?.unobserve(element);
    callbacks.delete(element);
  };
}
