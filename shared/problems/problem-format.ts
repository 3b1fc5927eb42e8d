/**
 * A problem as one line of text, the one way every screen, report and command prints it:
 * "cases.ndjson line 12, business.registrationNo: must be ..." (the line and the path only when
 * there are). The command line and the CLI's reports use the English words; the Bundles screen
 * passes its own word for the line and its translated sentence.
 */
import type { Problem } from './problem';

export interface ProblemLineWords {
  /** "line 12" in English, "12행" in Korean. */
  line: (line: number) => string;
}

export const ENGLISH_PROBLEM_WORDS: ProblemLineWords = { line: (line) => `line ${line}` };

export function formatProblem(p: Pick<Problem, 'file' | 'line' | 'path' | 'message'>, words: ProblemLineWords = ENGLISH_PROBLEM_WORDS): string {
  const line = p.line !== null ? ` ${words.line(p.line)}` : '';
  const path = p.path ? `, ${p.path}` : '';
  return `${p.file}${line}${path}: ${p.message}`;
}
