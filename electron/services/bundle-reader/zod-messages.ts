/**
 * Schema issues in words a secretary understands. The shared schemas carry their own messages for
 * the fields people get wrong ("must be a 10-digit business registration number like ..."); zod's
 * generic ones ("Invalid input: expected string, received undefined") are reworded here, and a
 * field that is simply absent is called missing.
 */
import { formatJsonPath } from '../../../shared/json-path';

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
}

export interface WordedIssue {
  path: string;
  message: string;
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

/** Each issue with its JSON path (after `prefix`) and a message in plain words. `input` is what was parsed. */
export function wordIssues(issues: readonly SchemaIssue[], input: unknown, prefix: readonly PropertyKey[] = []): WordedIssue[] {
  const out: WordedIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        out.push({ path: formatJsonPath([...prefix, ...issue.path, key]), message: 'is not a field a bundle may have (check its spelling)' });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && isMissing(input, issue.path);
    const message = missing ? 'is missing' : GENERIC.test(issue.message) ? reword(issue) : issue.message;
    out.push({ path: formatJsonPath([...prefix, ...issue.path]), message });
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
