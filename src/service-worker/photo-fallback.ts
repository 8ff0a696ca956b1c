/** `…/images/aegean-ferry-1200.avif` -> `{ photo: '…/images/aegean-ferry', format: 'avif' }` */
function photoOf(url: string): { photo: string; format: string } | undefined {
  const match = /^(.*)-\d+\.(\w+)$/.exec(url.split(/[?#]/)[0] ?? '');
  return match ? { photo: match[1] ?? '', format: match[2] ?? '' } : undefined;
}

/**
 * Another kept size of the photo `url` names (the content build writes each photo as
 * `{name}-{width}.{format}`): the same format if there is one, else any format, the widest.
 */
export function otherSizeOf(url: string, kept: readonly string[]): string | undefined {
  const wanted = photoOf(url);
  if (wanted === undefined) return undefined;
  const candidates = kept
    .map((other) => ({ other, of: photoOf(other), width: Number(/-(\d+)\.\w+$/.exec(other)?.[1]) }))
    .filter(({ of }) => of?.photo === wanted.photo)
    .sort(
      (a, b) =>
        Number(b.of?.format === wanted.format) - Number(a.of?.format === wanted.format) ||
        b.width - a.width,
    );
  return candidates[0]?.other;
}
