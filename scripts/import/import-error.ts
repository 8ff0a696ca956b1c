/**
 * A problem that stops an import. Its message is one line naming what failed (a URL or a
 * file) and why, because it is read in a terminal or a CI log, not in a stack trace.
 */
export class ImportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportError';
  }
}
