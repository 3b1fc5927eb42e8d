/**
 * Byte arrays carried beside JSON by browser mode's HTTP bridge, both ways: a call's argument
 * (backupAppend's bytes) and an answer's value (the evidence of an import, a restore's pieces).
 * Both sides, electron/services/browser-mode/http-bridge.ts and renderer/common/http-bridge.ts,
 * use these, so one layout is written and read:
 *
 *   4 bytes   the head's length (big-endian)
 *   the head  UTF-8 JSON; its `binary` lists each byte array as {path, at, length}
 *   the tail  the byte arrays' bytes, one after the other
 *
 * Each Uint8Array is null in the head's JSON and listed with the path to its place (keys and
 * indexes from the value's top; [] for the value itself) and where its bytes are in the tail. The
 * reader parses plain JSON and then puts each one in place: no JSON.parse reviver, which calls
 * back for every value of 20,000 cases and would itself dominate. A place must be one the writer
 * made (an own key holding null), so a head cannot set a key it did not have (`__proto__`).
 */

export type BinaryPath = (string | number)[];

export interface BinaryPlace {
  path: BinaryPath;
  at: number;
  length: number;
}

/**
 * The byte arrays of `value` taken out: `encode` is given the value with null in their places and
 * where each goes (the value is put back as it was afterwards); its result, the arrays in order,
 * and their bytes in all.
 */
export function takeBinary<T>(value: unknown, encode: (value: unknown, binary: BinaryPlace[]) => T): { encoded: T; parts: Uint8Array[]; bytes: number } {
  const parts: Uint8Array[] = [];
  const binary: BinaryPlace[] = [];
  const restore: (() => void)[] = [];
  let offset = 0;
  const box: Record<string, unknown> = { value };
  const path: (string | number)[] = [];
  const walk = (holder: Record<string | number, unknown>, key: string | number): void => {
    const v = holder[key];
    if (v === null || typeof v !== 'object') return;
    if (v instanceof Uint8Array) {
      binary.push({ path: path.length === 0 ? [] : [...path.slice(1), key], at: offset, length: v.byteLength });
      parts.push(v);
      offset += v.byteLength;
      holder[key] = null;
      restore.push(() => (holder[key] = v));
      return;
    }
    path.push(key);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i += 1) walk(v as unknown as Record<number, unknown>, i);
    else for (const k of Object.keys(v)) walk(v as Record<string, unknown>, k);
    path.pop();
  };
  walk(box, 'value');
  try {
    return { encoded: encode(box.value, binary), parts, bytes: offset };
  } finally {
    for (const undo of restore) undo();
  }
}

const isRecord = (v: unknown): v is Record<string | number, unknown> => typeof v === 'object' && v !== null;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `value` with what `part(at, length)` gives for each byte array put in its place; throws when a place is not one the writer made. */
export function placeBinary(head: { value: unknown; binary: unknown }, part: (at: number, length: number) => unknown): unknown {
  if (!Array.isArray(head.binary)) throw new Error('the head lists no byte arrays');
  const box: Record<string | number, unknown> = { value: head.value };
  for (const b of head.binary as unknown[]) {
    const { path, at, length } = (isRecord(b) ? b : {}) as Partial<BinaryPlace>;
    if (!Array.isArray(path) || !Number.isSafeInteger(at) || !Number.isSafeInteger(length) || at! < 0 || length! < 0) throw new Error('a byte array is listed without its place');
    let holder = box;
    let key: string | number = 'value';
    for (const step of path) {
      const next = holder[key];
      if (!isRecord(next) || (typeof step !== 'string' && typeof step !== 'number') || FORBIDDEN_KEYS.has(String(step))) throw new Error('a byte array has no place in the value');
      holder = next;
      key = step;
    }
    if (!Object.hasOwn(holder, key) || holder[key] !== null) throw new Error('a byte array has no place in the value');
    holder[key] = part(at!, length!);
  }
  return box.value;
}

/** The bytes of a message: the head's length, the head, then the parts as they are (not copied into one). */
export function frameParts(headJson: string, parts: readonly Uint8Array[]): Uint8Array[] {
  const head = new TextEncoder().encode(headJson);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, head.length);
  return [length, head, ...parts];
}

/** A message's head, parsed, and where its tail begins; throws when the bytes are no message. */
export function readFrameHead(bytes: Uint8Array): { head: Record<string, unknown>; base: number } {
  if (bytes.length < 4) throw new Error('the message is shorter than its length');
  const length = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (4 + length > bytes.length) throw new Error('the message is shorter than its head');
  const head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + length))) as unknown;
  if (!isRecord(head) || Array.isArray(head)) throw new Error('the head is not an object');
  return { head, base: 4 + length };
}
