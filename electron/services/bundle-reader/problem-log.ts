/**
 * Collects what a bundle check finds: errors (the bundle must not be imported) and warnings, each
 * a problem (shared/problems/problem.ts) naming its kind, the file, the NDJSON line and the JSON
 * path. Keeps the first `maxErrors` of each and counts every one found. Once `maxErrors` errors
 * are found the log is `full`: the reader stops checking (lines are only counted, files are not
 * read), so the count is of the errors found, not of all there may be. A fatal problem (reading
 * cannot go on) is recorded and thrown as FatalBundleError.
 */
import type { BundleReport } from '../../../shared/bundle-report';
import { problemAt, type CodedMessage, type ProblemKind } from '../../../shared/problems/problem';
import { formatProblem } from '../../../shared/problems/problem-format';
import type { ProblemCode } from './problem-codes';

type Reported = BundleReport['errors'][number];

/** Thrown to stop reading; the problem is already in the log. Internal to the reader. */
export class FatalBundleError extends Error {
  override readonly name = 'FatalBundleError';
  constructor(readonly problem: Reported) {
    super(formatProblem(problem));
  }
}

/**
 * A fatal problem held back (HoldingLog): not logged yet, its arguments kept for when it is.
 * A FatalBundleError, so the entry readers pass it on as they pass on their own.
 */
export class HeldFatalError extends FatalBundleError {
  constructor(readonly args: Parameters<ProblemLog['fatal']>) {
    super(reported(...args));
  }
}

export class ProblemLog {
  readonly errors: Reported[] = [];
  readonly warnings: Reported[] = [];
  errorCount = 0;
  warningCount = 0;
  /** What was left unchecked once the log was full: lines of cases.ndjson, files after it. */
  linesNotChecked = 0;
  filesNotChecked = 0;

  constructor(readonly maxErrors: number) {}

  /** True once any error was found: from then on no case or evidence is handed on. */
  get failed(): boolean {
    return this.errorCount > 0;
  }

  /** True once maxErrors errors were found: from then on nothing more is checked, the rest only counted. */
  get full(): boolean {
    return this.errorCount >= this.maxErrors;
  }

  error(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage<ProblemCode>): Reported {
    const problem = reported(kind, file, line, path, coded);
    this.errorCount += 1;
    if (this.errors.length < this.maxErrors) this.errors.push(problem);
    return problem;
  }

  warn(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage<ProblemCode>): void {
    this.warningCount += 1;
    if (this.warnings.length < this.maxErrors) this.warnings.push(reported(kind, file, line, path, coded));
  }

  /** A warning kept even when `maxErrors` warnings are: the reader's word on what it did not check. */
  notice(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage<ProblemCode>): void {
    this.warningCount += 1;
    this.warnings.push(reported(kind, file, line, path, coded));
  }

  fatal(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage<ProblemCode>): never {
    throw new FatalBundleError(this.error(kind, file, line, path, coded));
  }
}

function reported(kind: ProblemKind, file: string, line: number | null, path: string, coded: CodedMessage<ProblemCode>): Reported {
  return { ...problemAt({ file, line, path }, coded), kind };
}

/**
 * The log as an entry reader (entry-chunks.ts) sees it while case lines are checked behind it on
 * worker threads: its fatal problems are thrown as HeldFatalError without being logged, so that
 * the caller can first apply the lines read before (case-line-pipeline.ts) and then log the
 * problem where it would have come. Everything else goes to the log itself.
 */
export class HoldingLog extends ProblemLog {
  constructor(private readonly log: ProblemLog) {
    super(log.maxErrors);
  }

  override get failed(): boolean {
    return this.log.failed;
  }

  override get full(): boolean {
    return this.log.full;
  }

  override error(...args: Parameters<ProblemLog['error']>): Reported {
    return this.log.error(...args);
  }

  override warn(...args: Parameters<ProblemLog['warn']>): void {
    this.log.warn(...args);
  }

  override notice(...args: Parameters<ProblemLog['notice']>): void {
    this.log.notice(...args);
  }

  override fatal(...args: Parameters<ProblemLog['fatal']>): never {
    throw new HeldFatalError(args);
  }
}
