/**
 * What is wrong with a bundle, said so a person can find it: the file inside the bundle, the line
 * (for cases.ndjson) and the JSON path. The same shape as `validate --json`'s errors (FORMATS.md).
 */
import { CouncilError } from '../../shared/result';

export interface BundleProblem {
  /** The file inside the bundle, e.g. cases.ndjson, manifest.dsse.json, evidence/1015-000123/pos.csv. */
  file: string;
  /** 1-based line number for cases.ndjson; null elsewhere. */
  line: number | null;
  /** JSON path inside that file or line, e.g. business.registrationNo; "" for the whole file. */
  path: string;
  message: string;
}

export function formatBundleProblem(p: BundleProblem): string {
  return `${p.file}${p.line !== null ? ` line ${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** How many problems the message spells out; the rest are counted. `problems` holds them all. */
const SHOWN = 10;

/** A bundle that must not be imported. Code BUNDLE_INVALID; the message names file, line and path. */
export class BundleInvalidError extends CouncilError {
  constructor(
    readonly bundleFile: string,
    readonly problems: readonly BundleProblem[],
  ) {
    const shown = problems.slice(0, SHOWN).map(formatBundleProblem);
    const more = problems.length > SHOWN ? `\n(and ${problems.length - SHOWN} more problems)` : '';
    super('BUNDLE_INVALID', `${bundleFile} is not a valid bundle:\n${shown.join('\n')}${more}`);
    this.name = 'BundleInvalidError';
  }
}
