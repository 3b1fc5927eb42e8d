import { boundText } from './problems/problem';

/**
 * JSON paths for error messages, the way people read them: keys[2].keyid,
 * business.registrationNo, files["evidence/1015-000123/pos.csv"]. The top level is "".
 * A key longer than MAX_KEY_CHARS is cut ("…and N more characters"): keys come from the input,
 * and a message must not grow with it.
 */
export const MAX_KEY_CHARS = 200;

export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && part.length <= MAX_KEY_CHARS && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(boundText(String(part), MAX_KEY_CHARS))}]`;
  }
  return out;
}

