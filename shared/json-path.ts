/**
 * JSON paths for error messages, the way people read them: keys[2].keyid,
 * business.registrationNo, files["evidence/1015-000123/pos.csv"]. The top level is "".
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** One thing wrong with an input: where (path) and what (message). */
export interface PathProblem {
  path: string;
  message: string;
}

/** Turns schema issues (zod's `error.issues`) into path problems. */
export function issuesToProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix: readonly PropertyKey[] = []): PathProblem[] {
  return issues.map((issue) => ({ path: formatJsonPath([...prefix, ...issue.path]), message: issue.message }));
}
