/**
 * Captions from the source end in a bracketed credit:
 * "... London, United Kingdom on July 18, 2023 [Wiktor Szymanowicz/Future Publishing via Getty Images]".
 * Some carry a stray space before the closing bracket. Arabic ones may carry a directional
 * mark (RLM, LRM, ALM) beside the brackets, which editors type to place the punctuation; it
 * is not part of the caption or the credit. Split the credit off; a caption with no trailing
 * bracket is returned whole.
 */
const CREDIT = /^(.*?)[\s\u200e\u200f\u061c]*\[([^[\]]+)\][\s\u200e\u200f\u061c]*$/s;
const EDGE_MARKS = /^[\s\u200e\u200f\u061c]+|[\s\u200e\u200f\u061c]+$/g;

export function splitCaptionCredit(raw: string): { caption: string; credit?: string } {
  const match = CREDIT.exec(raw.trim());
  const credit = match?.[2]?.replace(EDGE_MARKS, '');
  if (match === null || credit === undefined || credit === '') return { caption: raw.trim() };
  return { caption: (match[1] ?? '').trim(), credit };
}
