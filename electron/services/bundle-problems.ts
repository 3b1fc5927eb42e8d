/**
 * A bundle that must not be imported, as an error: its problems (shared/problems/problem.ts) and a
 * message listing the first of them, one line each in the shared format (file, line, JSON path).
 */
import type { Problem } from '../../shared/problems/problem';
import { formatProblem } from '../../shared/problems/problem-format';
import { CouncilError } from '../../shared/result';

/** How many problems the message spells out; the rest are counted. `problems` holds them all. */
const SHOWN = 10;

/** A bundle that must not be imported. Code BUNDLE_INVALID; the message names file, line and path. */
export class BundleInvalidError extends CouncilError {
  constructor(
    readonly bundleFile: string,
    readonly problems: readonly Problem[],
  ) {
    const shown = problems.slice(0, SHOWN).map((p) => formatProblem(p));
    const more = problems.length > SHOWN ? `\n(and ${problems.length - SHOWN} more problems)` : '';
    super('BUNDLE_INVALID', `${bundleFile} is not a valid bundle:\n${shown.join('\n')}${more}`);
    this.name = 'BundleInvalidError';
  }
}
