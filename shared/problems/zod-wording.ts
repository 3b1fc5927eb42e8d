/**
 * Schema issues (zod's `error.issues`) as problems a secretary understands, the one wording for
 * every file the app checks: a bundle's manifest and case lines, a trust file, a decision file.
 * The shared schemas carry their own messages for the fields people get wrong ("must be a
 * 10-digit business registration number like ..."), and those that matter most have their own
 * code; zod's generic messages ("Invalid input: expected string, received undefined") are
 * reworded, and a field that is simply absent is called missing. Every issue gets its JSON path.
 */
import { formatJsonPath } from '../json-path';
import { boundText, type CodedMessage, type ProblemParams } from './problem';

/** The schema codes and their English sentences; SCHEMA is the catch-all, its detail in English. */
export const SCHEMA_TEMPLATES = {
  FIELD_MISSING: () => 'is missing',
  FIELD_UNKNOWN: () => 'is not a field this file may have (check its spelling)',
  REGISTRATION_NO_FORMAT: () => 'must be a 10-digit business registration number like 123-45-67891',
  AMOUNT_NOT_NUMBER: () => 'must be a number of won',
  AMOUNT_NOT_INTEGER: () => 'must be a whole number of won (no decimals)',
  AMOUNT_NEGATIVE: () => 'must not be negative',
  AMOUNT_TOO_LARGE: () => 'is larger than 10,000,000,000,000 won',
  DATE_FORMAT: () => 'must be a date like 2022-10-15',
  DATE_NOT_REAL: () => 'is not a real calendar date',
  DATE_BEFORE: (p: { other: string; otherDate: string }) => `must not be before ${p.other} (${p.otherDate})`,
  OUTAGE_OUTSIDE_BASELINE: (p: { outageFrom: string; outageTo: string; baselineFrom: string; baselineTo: string }) =>
    `the outage (${p.outageFrom} to ${p.outageTo}) must lie inside the baseline period (${p.baselineFrom} to ${p.baselineTo}); otherwise every case is assessed against the wrong weeks`,
  CASE_ID_FORMAT: () => 'must be 1 to 64 letters, digits, dots, hyphens or underscores, and not "." or ".."',
  SCHEMA: (p: { detail: string }) => p.detail,
} as const satisfies Record<string, (p: never) => string>;

export type SchemaCode = keyof typeof SCHEMA_TEMPLATES;

/** One schema issue, worded: where (path) and what (code, params, message). */
export interface WordedIssue extends CodedMessage<SchemaCode> {
  path: string;
}

type ParamsOf<C extends SchemaCode> = Parameters<(typeof SCHEMA_TEMPLATES)[C]>;

/**
 * The wording a schema's own check (a refinement comparing fields) gives its issue, carried in the
 * issue's params so that wordIssues keeps the code and the values its sentence names.
 */
export type CustomWording = { [C in SchemaCode]: ParamsOf<C> extends [] ? never : { code: C; params: ParamsOf<C>[0] } }[SchemaCode];

/** The English sentence of a refinement's wording (its issue's message). */
export function wordCustom(wording: CustomWording): string {
  return (SCHEMA_TEMPLATES[wording.code] as (p: ProblemParams) => string)(wording.params as ProblemParams);
}

function customWordingOf(issue: SchemaIssue): CustomWording | null {
  if (issue.code !== 'custom' || issue.params === null || typeof issue.params !== 'object') return null;
  const wording = (issue.params as { wording?: unknown }).wording as CustomWording | undefined;
  return wording !== undefined && Object.hasOwn(SCHEMA_TEMPLATES, wording.code) ? wording : null;
}

/** What zod's issues carry that the wording uses. */
export interface SchemaIssue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: readonly string[];
  values?: readonly unknown[];
  /** A custom issue's params: a refinement's CustomWording under `wording`. */
  params?: unknown;
}

/** A schema message that has a code of its own (the templates without params), by its words. */
const CODE_OF_MESSAGE = new Map<string, SchemaCode>(
  (Object.keys(SCHEMA_TEMPLATES) as SchemaCode[]).flatMap((code) => {
    const template = SCHEMA_TEMPLATES[code];
    return template.length === 0 ? [[(template as () => string)(), code] as const] : [];
  }),
);

/** The coded form of a schema message: its own code when it has one, else SCHEMA with the words as detail. */
export function schemaMessage(message: string): CodedMessage<SchemaCode> {
  const code = CODE_OF_MESSAGE.get(message);
  if (code !== undefined) return { code, params: {}, message };
  const detail = boundText(message);
  const params: ProblemParams = { detail };
  return { code: 'SCHEMA', params, message: SCHEMA_TEMPLATES.SCHEMA({ detail }) };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields ({...})',
  null: 'null',
};

/** zod's own messages start like this; the shared schemas' messages do not. */
const GENERIC = /^(Invalid|Too (big|small)|Unrecognized)/;

/** Each issue with its JSON path (after `prefix`) and its wording. `input` is what was parsed. */
export function wordIssues(issues: readonly SchemaIssue[], input: unknown, prefix: readonly PropertyKey[] = []): WordedIssue[] {
  const out: WordedIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        out.push({ path: formatJsonPath([...prefix, ...issue.path, key]), code: 'FIELD_UNKNOWN', params: {}, message: SCHEMA_TEMPLATES.FIELD_UNKNOWN() });
      }
      continue;
    }
    const path = formatJsonPath([...prefix, ...issue.path]);
    const custom = customWordingOf(issue);
    if (custom !== null) {
      const params = custom.params as ProblemParams;
      out.push({ path, code: custom.code, params, message: wordCustom(custom) });
    } else if (issue.code === 'invalid_type' && isMissing(input, issue.path)) {
      out.push({ path, code: 'FIELD_MISSING', params: {}, message: SCHEMA_TEMPLATES.FIELD_MISSING() });
    } else {
      out.push({ path, ...schemaMessage(GENERIC.test(issue.message) ? reword(issue) : issue.message) });
    }
  }
  return out;
}

function reword(issue: SchemaIssue): string {
  const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${TYPE_WORDS[String(issue.expected)] ?? String(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${n(issue.minimum)} characters long`;
      if (issue.origin === 'array') return issue.minimum === 1 ? 'must list at least one item' : `must list at least ${n(issue.minimum)} items`;
      return `must be at least ${n(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${n(issue.maximum)} characters long`;
      if (issue.origin === 'array') return `must list at most ${n(issue.maximum)} items`;
      return `must be at most ${n(issue.maximum)}`;
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => JSON.stringify(v));
      return values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`;
    }
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return 'is not valid';
  }
}

/** True when the object holding the last path key exists but lacks that key. */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return input === undefined;
  let node: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1]!;
  return node !== null && typeof node === 'object' && !Object.hasOwn(node, last);
}
