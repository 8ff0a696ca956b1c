import { visibleControls } from '../lib/visible-controls.ts';

/** One thing wrong with the content, located as precisely as the source allows. */
export type Problem = {
  file: string;
  line?: number;
  field?: string;
  message: string;
};

export function formatProblem({ file, line, field, message }: Problem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return visibleControls(field === undefined ? `${where}: ${message}` : `${where}: ${field}: ${message}`);
}

/** Thrown when the content cannot be built; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`Content has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/**
 * What a command prints when it fails: every problem of a ContentError, or any other error's
 * message on one line (a worker's stack stays out), escaped; never a stack trace.
 */
export function failureReport(command: string, error: unknown): string {
  if (error instanceof ContentError) return error.message;
  return visibleControls(`${command} failed: ${firstLine(error)}`);
}

/** An error no rule foresaw, as a problem of the file: its message on one line, no stack. */
export function unforeseen(file: string, error: unknown): Problem {
  return { file, message: `could not be read: ${firstLine(error)}` };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}
