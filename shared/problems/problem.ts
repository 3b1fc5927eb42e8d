/**
 * One thing wrong with an input, said so a person can find it and a program can tell it apart:
 * the file, the NDJSON line where there is one, the JSON path, a stable code with the values its
 * sentence names, and that sentence in English. The bundle reader, the trust file, `council-desk
 * verify` and the Bundles screen all speak of problems in this one shape (FORMATS.md: errors name
 * the file, the line and the JSON path).
 */

/** The values a code's sentence names: file names, counts, sizes (names ending in "Bytes"). */
export type ProblemParams = Record<string, string | number>;

/** What is wrong, without where: a code, its params, and the English sentence made from them. */
export interface CodedMessage<C extends string = string> {
  /** Stable, like HASH_MISMATCH or FIELD_MISSING: what the UI translates and programs compare. */
  code: C;
  params: ProblemParams;
  /**
   * The problem as an English sentence about `file` (and `path`, when there is one): what the CLI
   * prints and `--json` keeps, as FORMATS.md requires. The UI shows it when it does not know `code`.
   */
  message: string;
}

/**
 * The longest text a param or a JSON path keeps. Params and paths quote what the input holds (a
 * key, a name, a parser's detail), and a 1 MiB line could otherwise make a 1 MiB message, a
 * thousand times over in one report: longer text is cut here, before the sentence is made, so the
 * message is still its template filled with its params.
 */
export const MAX_QUOTED_CHARS = 300;

/** `text` cut to `max` characters (never inside a surrogate pair), saying how many more there were. */
export function boundText(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let keep = max;
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return `${text.slice(0, keep)}…and ${(text.length - keep).toLocaleString('en-US')} more characters`;
}

/** Params with every text bounded (numbers are kept as they are). */
export function boundParams(params: ProblemParams): ProblemParams {
  let out: ProblemParams | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_QUOTED_CHARS) continue;
    out ??= { ...params };
    out[key] = boundText(value);
  }
  return out ?? params;
}

/** A family of codes, each with its English sentence made from its params (none, or one object). */
export type ProblemTemplates = Record<string, (params: never) => string>;

/**
 * The maker of a family's coded messages: `coded('HASH_MISMATCH', { actual, listed, manifestFile })`
 * gives the code, its params, and the sentence its template makes of them, so the message is
 * always made from the same params the UI gets.
 */
export function codedMessages<T extends ProblemTemplates>(templates: T) {
  return <C extends keyof T & string>(code: C, ...args: Parameters<T[C]>): CodedMessage<C> => {
    const params = boundParams((args[0] ?? {}) as ProblemParams);
    const template = templates[code] as unknown as (p: ProblemParams) => string;
    return { code, params, message: template(params) };
  };
}

/** The groups of a bundle report, so a secretary sees "3 hash mismatches" rather than a wall of text. */
export const PROBLEM_KINDS = [
  'zip', // not a ZIP, damaged, encrypted entries
  'limits', // too many entries, too large, suspicious compression ratio
  'entry-name', // absolute paths, .., backslashes, duplicates, links
  'manifest', // manifest missing, unreadable, schema
  'policy', // tier table
  'signature', // unsigned when required, untrusted, bad signature, an unusable trust file
  'files', // listed but missing, present but unlisted, caseCount
  'hash', // SHA-256 differs
  'case', // a case line: schema, duplicate caseId, amounts
  'evidence', // referenced evidence missing, content not of its media type
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface Problem extends CodedMessage {
  /** The file the problem is in (inside a bundle, or the bundle's own name for ZIP problems). */
  file: string;
  /** 1-based line of an NDJSON file, else null. */
  line: number | null;
  /** JSON path, like business.registrationNo or files["evidence/1015-000123/pos.csv"]; "" for none. */
  path: string;
  /** The group a bundle report lists the problem under; every problem of a bundle report has one. */
  kind?: ProblemKind;
}

/** The problem `coded` at file, line (none by default) and path ("" by default). */
export function problemAt(where: { file: string; line?: number | null; path?: string }, coded: CodedMessage): Problem {
  return { file: where.file, line: where.line ?? null, path: boundText(where.path ?? ''), code: coded.code, params: coded.params, message: coded.message };
}
