/** One thing wrong with the content, located as precisely as the source allows. */
export type Problem = {
  file: string;
  line?: number;
  field?: string;
  message: string;
};

export function formatProblem({ file, line, field, message }: Problem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return field === undefined ? `${where}: ${message}` : `${where}: ${field}: ${message}`;
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
