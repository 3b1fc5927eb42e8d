import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { canonicalFormMismatch, canonicalWords } from '../../shared/json/canonical-form';
import { keysInValue, locateDuplicate, membersAtMost, membersInText, parseStrictJson } from '../../shared/json/strict-json';

const duplicateOf = (text: string) => {
  const r = parseStrictJson(text);
  if (r.ok || r.error !== 'duplicate-key') throw new Error(`expected a duplicate key in ${text.slice(0, 80)}: ${JSON.stringify(r).slice(0, 200)}`);
  return r.duplicate;
};
const accepted = (text: string) => {
  const r = parseStrictJson(text);
  if (!r.ok) throw new Error(`expected ${text.slice(0, 80)} to be accepted: ${JSON.stringify(r).slice(0, 200)}`);
  return r.value;
};

describe('parseStrictJson: duplicate keys', () => {
  it('refuses a key twice at the top level, naming it and where the second one starts', () => {
    expect(duplicateOf('{"caseId":"x","claimedLoss":1,"claimedLoss":2}')).toEqual({ key: 'claimedLoss', path: 'claimedLoss', line: 1, column: 31 });
  });

  it('refuses a key twice in a nested object, with the JSON path of that object', () => {
    expect(duplicateOf('{"business":{"name":"a","region":"b","name":"c"}}')).toMatchObject({ key: 'name', path: 'business.name' });
  });

  it('refuses a key twice in an object inside an array of objects, with its index', () => {
    const text = '{"dailySales":[{"date":"d","amount":1},{"date":"d","amount":1,"amount":2}]}';
    expect(duplicateOf(text)).toMatchObject({ key: 'amount', path: 'dailySales[1].amount' });
    expect(duplicateOf('[[1,{"a":1}],{"b":{"c":[{"d":1,"d":1}]}}]')).toMatchObject({ key: 'd', path: '[1].b.c[0].d' });
  });

  it('refuses keys that are equal once escapes are undone, naming the key as read', () => {
    expect(duplicateOf('{"a":1,"\\u0061":2}')).toMatchObject({ key: 'a', path: 'a' });
    expect(duplicateOf('{"\\"q\\"":1,"\\u0022q\\u0022":2}')).toMatchObject({ key: '"q"', path: '["\\"q\\""]' });
    expect(duplicateOf('{"x":{"\\\\":1,"\\u005c":2}}')).toMatchObject({ key: '\\', path: 'x["\\\\"]' });
  });

  it('gives the text line and column in a pretty-printed file', () => {
    const text = '{\n  "keys": [\n    {\n      "keyid": "a",\n      "name": "b",\n      "keyid": "c"\n    }\n  ]\n}\n';
    expect(duplicateOf(text)).toEqual({ key: 'keyid', path: 'keys[0].keyid', line: 6, column: 7 });
  });

  it('refuses a duplicate with white space around the colon', () => {
    expect(duplicateOf('{ "a" : 1 ,\r\n\t"a"\n:\t2 }')).toMatchObject({ key: 'a', line: 2, column: 2 });
  });

  it('refuses "__proto__" twice, and accepts it once (JSON.parse makes it an own key)', () => {
    expect(duplicateOf('{"__proto__":{},"__proto__":1}')).toMatchObject({ key: '__proto__' });
    expect(accepted('{"__proto__":{"a":1},"b":2}')).toEqual(JSON.parse('{"__proto__":{"a":1},"b":2}'));
  });

  // a 1 MiB case line nests this deep; the generous timeout only bounds a slow, shared machine
  it('finds a duplicate deep in a text nested 200,000 levels, without recursion, and shortens the path', { timeout: 60_000 }, () => {
    const depth = 200_000;
    const text = `${'{"a":'.repeat(depth)}[0,{"k":1,"k":2}]${'}'.repeat(depth)}`;
    const d = duplicateOf(text);
    expect(d.key).toBe('k');
    expect(d.column).toBe(depth * 5 + 11);
    expect(d.path).toBe(`${Array(16).fill('a').join('.')}…(${depth + 2 - 32} more levels)…${Array(14).fill('a').join('.')}[1].k`);
    expect(accepted(`${'['.repeat(500_000)}{"k":1}${']'.repeat(500_000)}`)).toBeTruthy();
  });
});

describe('parseStrictJson: no false duplicates', () => {
  it('accepts the same key in different objects, and keys only equal ignoring case', () => {
    expect(accepted('{"a":{"a":1},"b":[{"a":1},{"a":2}],"A":0}')).toEqual({ a: { a: 1 }, b: [{ a: 1 }, { a: 2 }], A: 0 });
  });

  it('is not misled by quotes, backslashes and colons inside strings', () => {
    const tricky = [
      '{"a":"x\\":","b":"\\\\","c":":","d":"\\":\\":"}',
      '{"k\\":":1,"k:":2,"k":3}',
      '{"a":"\\\\\\"","b":" : ","c":"\\"\\\\\\":"}',
      '["\\":",":","a\\\\",{"x":"\\":"}]',
      '{"t":"2023-02-03T11:20:00+09:00","u":"http://x/y?a=b:c","\\u003a":1,"z":{":":{}}}',
      '{"":1," ":2,"\\u0000":3}',
    ];
    for (const text of tricky) expect(accepted(text), text).toEqual(JSON.parse(text));
  });

  it('counts members exactly even when strings hold colons after quotes or white space', () => {
    const text = '{"a":"\\":","b":" :","c":":"}';
    expect(membersAtMost(text)).toBeGreaterThan(3);
    expect(membersInText(text)).toBe(3);
    expect(keysInValue(JSON.parse(text))).toBe(3);
  });

  it('accepts scalars and empty containers', () => {
    for (const text of ['1', '"a:"', 'null', '[]', '{}', ' {"a":[]} ']) expect(accepted(text)).toEqual(JSON.parse(text));
  });

  it('accepts a large valid case line (a 1 MiB statement, thousands of daily sales)', () => {
    const dailySales = Array.from({ length: 5000 }, (_, i) => ({ date: `2022-09-${i}`, amount: i, note: `"a": ${i} \\ :` }));
    const record = { caseId: '1015-000123', statement: '가 "b": c\\'.repeat(100_000), dailySales, business: { name: '행복분식', 'x:"y': 1 } };
    const text = JSON.stringify(record);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(accepted(text)).toEqual(record);
  });

  it('counts only own keys when someone added an enumerable key to Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(keysInValue(JSON.parse('{"a":{}}'))).toBe(1);
      expect(accepted('{"a":{}}')).toEqual({ a: {} });
      expect(duplicateOf('{"a":{},"a":1}')).toMatchObject({ key: 'a' });
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it('says what is not JSON at all, as JSON.parse words it', () => {
    expect(parseStrictJson('{"a":')).toMatchObject({ ok: false, error: 'not-json' });
  });
});

describe('locateDuplicate', () => {
  it('finds nothing in a text without a duplicate', () => {
    expect(locateDuplicate('{"a":{"b":1},"b":[{"a":1}],"c":"a"}')).toBeNull();
  });

  it('reads a key after a nested value in the same object as a key', () => {
    expect(locateDuplicate('{"a":{"x":1},"b":[1,{"y":2}],"a":3}')).toMatchObject({ key: 'a', path: 'a' });
  });
});

describe('canonicalFormMismatch (RFC 8785)', () => {
  it('accepts the canonical text of its own value', () => {
    const value = { b: [1, 'x', { d: null, c: 1e21 }], a: '행복분식\u2028', '€': 0.1 };
    const text = canonicalJson(value);
    expect(canonicalFormMismatch(text, JSON.parse(text))).toBeNull();
  });

  it('says where keys out of order, white space and other number forms differ', () => {
    const words = (text: string) => {
      const m = canonicalFormMismatch(text, JSON.parse(text));
      return m === null ? null : canonicalWords(m);
    };
    expect(canonicalFormMismatch('{"b":1,"a":2}', { b: 1, a: 2 })).toEqual({ at: 3, found: '"b\\":1,\\"a\\":2}"', canonical: '"a\\":2,\\"b\\":1}"' });
    expect(words('{"a": 1}')).toBe('at character 6 it has " 1}" where the canonical form has "1}"');
    expect(words('[1.0]')).toMatch(/^at character 3 it has "\.0\]"/);
    expect(words('{"a":"\\u0061"}')).not.toBeNull();
    expect(words('{"a":1}\n')).toBe('at character 8 it has "\\n" where the canonical form has ""');
  });
});
