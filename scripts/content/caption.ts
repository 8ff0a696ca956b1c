/**
 * Captions from the source end in a bracketed credit:
 * "... London, United Kingdom on July 18, 2023 [Wiktor Szymanowicz/Future Publishing via Getty Images]".
 * Some carry a stray space before the closing bracket. Split the credit off; a caption with
 * no trailing bracket is returned whole.
 */
export function splitCaptionCredit(raw: string): { caption: string; credit?: string } {
  const match = /^(.*?)\s*\[([^[\]]+)\]\s*$/s.exec(raw.trim());
  const credit = match?.[2]?.trim();
  if (match === null || credit === undefined || credit === '') return { caption: raw.trim() };
  return { caption: (match[1] ?? '').trim(), credit };
}
