/**
 * JSON as every reader of this app must see it (FORMATS.md, "What a reader must refuse"): no
 * object may hold the same key twice, since JSON.parse keeps the last value and another reader
 * may keep the first (a parser differential). JSON.parse stays the one parse; a cheap exact
 * detector then says whether the text had a duplicate, and only then, on the rare error path,
 * jsonc-parser's scanner reads the text again to say which key, at which JSON path, where.
 *
 * The detector, exact: the parsed value keeps one own key per distinct key of each object, so it
 * holds fewer keys than the text has object members exactly when some object repeated a key
 * (after unescaping: "a" and "\u0061" are the same key). Counting the members cheaply: in valid
 * JSON every member's ':' follows its key's closing quote or whitespace, so the colons that do
 * are at least the members; when they are no more than the keys, there is no duplicate. That
 * native indexOf pass settles almost every line; only when a string holds such a colon (or there
 * is a duplicate) does one regex pass over the string tokens count the members exactly (JSON.parse
 * has proved the text valid, so the tokens stay aligned). The keys are counted by a walk with an
 * explicit stack, since a line may nest hundreds of thousands deep.
 */
// The ES module build by path: the package's main entry is a UMD wrapper whose inner requires
// esbuild cannot follow, so a bundled CLI or main process would fail to load it.
import { createScanner } from 'jsonc-parser/lib/esm/main.js';
import { formatJsonPath } from '../json-path';

export interface DuplicateKey {
  /** The key as JSON.parse reads it (escapes undone). */
  key: string;
  /** JSON path of the key's second occurrence: claimedLoss, dailySales[3].amount. */
  path: string;
  /** Where the second occurrence starts: 1-based line and column (UTF-16 units) of the text. */
  line: number;
  column: number;
}

export type StrictJson =
  | { ok: true; value: unknown }
  | { ok: false; error: 'not-json'; detail: string }
  | { ok: false; error: 'duplicate-key'; duplicate: DuplicateKey };

/** One string token; the unrolled form never backtracks over the characters of a string. */
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"/g;

/**
 * Parses `text` and refuses an object with a key twice. Throws nothing. `knownKeys`, when given,
 * may say how many own keys the parsed value holds in all (a caller that has checked its exact
 * shape knows, without the walk); null: count them.
 */
export function parseStrictJson(text: string, knownKeys?: (value: unknown) => number | null): StrictJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'not-json', detail: (e as Error).message };
  }
  const keys = knownKeys?.(value) ?? keysInValue(value);
  if (membersAtMost(text) === keys || membersInText(text) === keys) return { ok: true, value };
  const duplicate = locateDuplicate(text);
  return duplicate === null ? { ok: true, value } : { ok: false, error: 'duplicate-key', duplicate }; // null: never, the counts are exact
}

/** An upper bound of the object members of valid JSON: the colons right after a quote or whitespace. */
export function membersAtMost(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before === 0x22 || before === 0x20 || before === 0x0a || before === 0x0d || before === 0x09) count += 1;
  }
  return count;
}

/** The object members the text spells out: string tokens followed (after whitespace) by ':'. Valid JSON only. */
export function membersInText(text: string): number {
  let members = 0;
  STRING_TOKEN.lastIndex = 0;
  while (STRING_TOKEN.exec(text) !== null) {
    let at = STRING_TOKEN.lastIndex;
    let c = text.charCodeAt(at);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
    if (c === 0x3a) members += 1;
  }
  return members;
}

/** The own keys of every object in a parsed value (one per distinct key of each object). */
export function keysInValue(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  // for-in, measured faster than Object.keys here, counts a "__proto__" member (JSON.parse makes it
  // an own key) but also any enumerable key someone added to Object.prototype, which would hide a
  // duplicate: then only own keys are counted.
  const ownOnly = hasEnumerableKey(Object.prototype);
  let keys = 0;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const item: unknown = node[i];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    } else if (!ownOnly) {
      for (const name in node) {
        keys += 1;
        const item: unknown = (node as Record<string, unknown>)[name];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    } else {
      for (const name of Object.keys(node)) {
        keys += 1;
        const item: unknown = (node as Record<string, unknown>)[name];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return keys;
}

function hasEnumerableKey(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot inline: its values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const STRING = 10;
const EOF = 17;

/** An open object (its keys so far, the key being read) or array (the index being read). */
type Frame = { keys: Set<string>; key: string | null } | { keys: null; index: number };

/**
 * The first repeated key of valid JSON text, or null when there is none. jsonc-parser's scanner
 * reads the tokens (undoing escapes, counting lines); the nesting is an explicit stack of its
 * own, since the library's visit() recurses once per level and a deep text would overflow it.
 */
export function locateDuplicate(text: string): DuplicateKey | null {
  const scanner = createScanner(text, true);
  const open: Frame[] = [];
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const top = open[open.length - 1];
    if (token === OPEN_BRACE) open.push({ keys: new Set(), key: null });
    else if (token === OPEN_BRACKET) open.push({ keys: null, index: 0 });
    else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) open.pop();
    else if (token === COMMA && top !== undefined) {
      if (top.keys === null) top.index += 1;
      else top.key = null;
    } else if (token === STRING && top?.keys != null && top.key === null) {
      const key = scanner.getTokenValue();
      if (top.keys.has(key)) {
        const path = shortPath([...open.slice(0, -1).map((f) => (f.keys === null ? f.index : f.key!)), key]);
        return { key, path, line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1 };
      }
      top.keys.add(key);
      top.key = key;
    }
  }
  return null;
}

const SHOWN_LEVELS = 16;

/** A JSON path for a message: a very deep one keeps its first and last levels and counts the rest. */
function shortPath(parts: readonly (string | number)[]): string {
  if (parts.length <= 2 * SHOWN_LEVELS) return formatJsonPath(parts);
  const hidden = parts.length - 2 * SHOWN_LEVELS;
  return `${formatJsonPath(parts.slice(0, SHOWN_LEVELS))}…(${hidden} more levels)…${formatJsonPath(parts.slice(-SHOWN_LEVELS))}`;
}
