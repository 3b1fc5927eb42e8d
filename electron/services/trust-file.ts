/**
 * Trust files (FORMATS.md): {"keys": [{keyid, name, roles, publicKeyPem}]}. Trust comes from here,
 * never from a keyid. A keyid that does not match its own publicKeyPem makes the whole file invalid.
 * What is wrong with a trust file is a list of problems (shared/problems/problem.ts), schema issues
 * in the same words as a bundle's.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { codedMessages, problemAt, type CodedMessage, type Problem } from '../../shared/problems/problem';
import { formatProblem } from '../../shared/problems/problem-format';
import { parseStrictJson } from '../../shared/json/strict-json';
import { wordIssues } from '../../shared/problems/zod-wording';
import { CouncilError } from '../../shared/result';
import { trustFileSchema, type TrustFile } from '../../shared/schemas/trust-file';
import { keyIdOfPublicKeyPem } from './keys';

/** The trust file's own problems by code, each with its English sentence (about the file or the path). */
export const TRUST_FILE_TEMPLATES = {
  TRUST_FILE_NOT_FOUND: () => 'cannot be opened: there is no such file',
  TRUST_FILE_UNREADABLE: (p: { detail: string }) => `cannot be read (${p.detail})`,
  TRUST_FILE_NOT_JSON: (p: { detail: string }) => `is not valid JSON (${p.detail})`,
  TRUST_FILE_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `holds the key ${JSON.stringify(p.key)} twice in one object (again at text line ${p.line}, column ${p.column}); JSON readers disagree on which of the two counts, so two readers could trust different keys`,
  TRUST_KEY_UNUSABLE: (p: { detail: string }) => p.detail,
  TRUST_KEYID_MISMATCH: (p: { actual: string }) => `does not match its publicKeyPem (whose keyid is ${p.actual})`,
  TRUST_KEY_TWICE: (p: { earlier: number }) => `lists the same key as keys[${p.earlier}]`,
} as const satisfies Record<string, (p: never) => string>;

const trustProblem = codedMessages(TRUST_FILE_TEMPLATES);

/** A trust file that cannot be used. Code TRUST_FILE_INVALID; `problems` says what, where. */
export class TrustFileInvalidError extends CouncilError {
  constructor(
    message: string,
    readonly problems: readonly Problem[],
  ) {
    super('TRUST_FILE_INVALID', message);
    this.name = 'TrustFileInvalidError';
  }
}

function invalid(problems: Problem[]): TrustFileInvalidError {
  return new TrustFileInvalidError(`trust file is invalid:\n${problems.map((p) => formatProblem(p)).join('\n')}`, problems);
}

/** Parses and checks a trust file's text. Throws TrustFileInvalidError naming the file and the JSON path. */
export function parseTrustFile(text: string, fileName: string): TrustFile {
  const at = (path: string, coded: CodedMessage) => problemAt({ file: fileName, path }, coded);
  const strict = parseStrictJson(text.replace(/^\uFEFF/, ''));
  if (!strict.ok) {
    if (strict.error === 'not-json') throw invalid([at('', trustProblem('TRUST_FILE_NOT_JSON', { detail: strict.detail }))]);
    const { key, path, line, column } = strict.duplicate;
    throw invalid([at(path, trustProblem('TRUST_FILE_DUPLICATE_KEY', { key, line, column }))]);
  }
  const json = strict.value;
  const parsed = trustFileSchema.safeParse(json);
  if (!parsed.success) throw invalid(wordIssues(parsed.error.issues, json).map((issue) => at(issue.path, issue)));
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  parsed.data.keys.forEach((key, i) => {
    let actual: string;
    try {
      actual = keyIdOfPublicKeyPem(key.publicKeyPem);
    } catch (e) {
      problems.push(at(`keys[${i}].publicKeyPem`, trustProblem('TRUST_KEY_UNUSABLE', { detail: (e as Error).message })));
      return;
    }
    if (actual !== key.keyid) problems.push(at(`keys[${i}].keyid`, trustProblem('TRUST_KEYID_MISMATCH', { actual })));
    const earlier = seen.get(actual);
    if (earlier !== undefined) problems.push(at(`keys[${i}]`, trustProblem('TRUST_KEY_TWICE', { earlier })));
    else seen.set(actual, i);
  });
  if (problems.length > 0) throw invalid(problems);
  return parsed.data;
}

function unreadable(path: string, e: unknown): TrustFileInvalidError {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    return new TrustFileInvalidError(`trust file not found: ${path}`, [problemAt({ file: path }, trustProblem('TRUST_FILE_NOT_FOUND'))]);
  }
  const detail = (e as Error).message;
  return new TrustFileInvalidError(`cannot read trust file ${path}: ${detail}`, [problemAt({ file: path }, trustProblem('TRUST_FILE_UNREADABLE', { detail }))]);
}

/** Reads and checks a trust file without holding up the event loop: what the main process uses. */
export async function readTrustFile(path: string): Promise<TrustFile> {
  return (await readTrustFileText(path)).trust;
}

/** Reads and checks a trust file, answering its text as read too (an export copies it as it is). */
export async function readTrustFileText(path: string): Promise<{ text: string; trust: TrustFile }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw unreadable(path, e);
  }
  return { text, trust: parseTrustFile(text, path) };
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
