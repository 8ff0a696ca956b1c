/**
 * Text from a feed or an article file as a terminal will show it, and nothing more: escape
 * sequences (ESC, CSI) and other control characters could recolour, hide or rewrite what
 * the editor reads, and bidirectional marks and overrides reorder what follows them. Each is
 * written out as `\x1b` or `\u202e`. Line feeds are kept only where the caller prints lines
 * of its own (a usage text); content quoted in a one-line message has them written out too.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- control characters are what it writes out
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string, { keepLineFeeds = false } = {}): string {
  const written = text.replace(CONTROLS, escape);
  return keepLineFeeds ? written : written.replaceAll('\n', '\\x0a');
}

function escape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
