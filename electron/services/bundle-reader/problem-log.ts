/**
 * Collects what a bundle check finds: errors (the bundle must not be imported) and warnings, each
 * naming the file, the NDJSON line and the JSON path. Keeps the first `maxErrors` of each and counts
 * them all. A fatal problem (reading cannot go on) is recorded and thrown as FatalBundleError.
 */
import type { BundleProblem, ProblemKind } from '../../../shared/bundle-report';
import type { CodedMessage } from './problem-codes';

/** Thrown to stop reading; the problem is already in the log. Internal to the reader. */
export class FatalBundleError extends Error {
  override readonly name = 'FatalBundleError';
  constructor(readonly problem: BundleProblem) {
    super(`${problem.file}: ${problem.message}`);
  }
}

export class ProblemLog {
  readonly errors: BundleProblem[] = [];
  readonly warnings: BundleProblem[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly maxErrors: number) {}

  /** True once any error was found: from then on no case or evidence is handed on. */
  get failed(): boolean {
    return this.errorCount > 0;
  }

  error(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage): BundleProblem {
    const problem = toProblem(kind, file, line, path, coded);
    this.errorCount += 1;
    if (this.errors.length < this.maxErrors) this.errors.push(problem);
    return problem;
  }

  warn(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage): void {
    this.warningCount += 1;
    if (this.warnings.length < this.maxErrors) this.warnings.push(toProblem(kind, file, line, path, coded));
  }

  fatal(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage): never {
    throw new FatalBundleError(this.error(kind, file, line, path, coded));
  }
}

function toProblem(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage): BundleProblem {
  return { kind, file, line, path, message: coded.message, code: coded.code, params: coded.params };
}
