/**
 * Trust files (FORMATS.md): {"keys": [{keyid, name, roles, publicKeyPem}]}. Trust comes from here,
 * never from a keyid. A keyid that does not match its own publicKeyPem makes the whole file invalid.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { issuesToProblems, type PathProblem } from '../../shared/json-path';
import { CouncilError } from '../../shared/result';
import { trustFileSchema, type TrustFile } from '../../shared/schemas/trust-file';
import { keyIdOfPublicKeyPem } from './keys';

function invalid(fileName: string, problems: PathProblem[]): CouncilError {
  const lines = problems.map((p) => `${fileName}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  return new CouncilError('TRUST_FILE_INVALID', `trust file is invalid:\n${lines.join('\n')}`);
}

/** Parses and checks a trust file's text. Throws CouncilError('TRUST_FILE_INVALID') naming the file and the JSON path. */
export function parseTrustFile(text: string, fileName: string): TrustFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalid(fileName, [{ path: '', message: `is not valid JSON (${(e as Error).message})` }]);
  }
  const parsed = trustFileSchema.safeParse(json);
  if (!parsed.success) throw invalid(fileName, issuesToProblems(parsed.error.issues));
  const problems: PathProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.keys.forEach((key, i) => {
    let actual: string;
    try {
      actual = keyIdOfPublicKeyPem(key.publicKeyPem);
    } catch (e) {
      problems.push({ path: `keys[${i}].publicKeyPem`, message: (e as Error).message });
      return;
    }
    if (actual !== key.keyid) {
      problems.push({ path: `keys[${i}].keyid`, message: `does not match its publicKeyPem (whose keyid is ${actual})` });
    }
    const earlier = seen.get(actual);
    if (earlier !== undefined) problems.push({ path: `keys[${i}]`, message: `lists the same key as keys[${earlier}]` });
    else seen.set(actual, i);
  });
  if (problems.length > 0) throw invalid(fileName, problems);
  return parsed.data;
}

function unreadable(path: string, e: unknown): CouncilError {
  const code = (e as NodeJS.ErrnoException).code;
  return new CouncilError('TRUST_FILE_INVALID', code === 'ENOENT' ? `trust file not found: ${path}` : `cannot read trust file ${path}: ${(e as Error).message}`);
}

/** Reads and checks a trust file without holding up the event loop: what the main process uses. */
export async function readTrustFile(path: string): Promise<TrustFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw unreadable(path, e);
  }
  return parseTrustFile(text, path);
}

/** Reads and checks a trust file at once, for the command line (one file, then it exits). */
export function loadTrustFile(path: string): TrustFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw unreadable(path, e);
  }
  return parseTrustFile(text, path);
}
