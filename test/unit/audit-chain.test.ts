/** The audit chain's walker (shared/audit-chain.ts) and the entry's shape check it relies on. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditChainWalker, auditEntryHash, auditExportLine } from '../../shared/audit-chain';
import { canonicalJson } from '../../shared/canonical-json';
import { auditEntrySchema, isAuditEntry, type AuditEntry } from '../../shared/schemas/audit-entry';

function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const body = { at: `2023-03-02T14:0${sequence}:00+09:00`, entity: 'vote', entityId: `v${sequence}`, action: 'record', actor: 'm1', detail: { vote: 'approve' }, prevHash: entries.at(-1)?.hash ?? null };
    entries.push({ sequence, ...body, hash: auditEntryHash(body) });
  }
  return entries;
}

const walk = (values: unknown[], walker = new AuditChainWalker()) => {
  for (const value of values) {
    const broken = walker.step(value);
    if (broken) return broken;
  }
  return { entries: walker.entries, head: walker.head };
};

describe('isAuditEntry', () => {
  const good = chain(1)[0]!;
  const bad: [string, unknown][] = [
    ['null', null],
    ['an array', [good]],
    ['a key more', { ...good, extra: 1 }],
    ['a key less', (({ actor: _a, ...rest }) => rest)(good)],
    ['sequence 0', { ...good, sequence: 0 }],
    ['sequence 1.5', { ...good, sequence: 1.5 }],
    ['sequence as text', { ...good, sequence: '1' }],
    ['at empty', { ...good, at: '' }],
    ['entity empty', { ...good, entity: '' }],
    ['entityId a number', { ...good, entityId: 7 }],
    ['action missing (undefined)', { ...good, action: undefined }],
    ['actor a number', { ...good, actor: 3 }],
    ['detail an array', { ...good, detail: [] }],
    ['detail null', { ...good, detail: null }],
    ['detail a Date', { ...good, detail: new Date(0) }],
    ['prevHash in capitals', { ...good, prevHash: 'A'.repeat(64) }],
    ['hash too short', { ...good, hash: 'a'.repeat(63) }],
    ['hash null', { ...good, hash: null }],
  ];

  it('accepts an entry, with an actor or none, first or later', () => {
    for (const entry of [good, { ...good, actor: null }, chain(2)[1]!, { ...good, detail: Object.create(null) as Record<string, unknown> }]) {
      expect(isAuditEntry(entry)).toBe(true);
      expect(auditEntrySchema.safeParse(entry).success).toBe(true);
    }
  });

  it.each(bad)('refuses %s, as the schema does', (_name, value) => {
    expect(isAuditEntry(value)).toBe(false);
    expect(auditEntrySchema.safeParse(value).success).toBe(false);
  });
});

describe('AuditChainWalker', () => {
  it('walks an intact chain to its head, with any hash function that computes the same', () => {
    const entries = chain(5);
    expect(walk(entries)).toEqual({ entries: 5, head: entries[4]!.hash });
    const nodeHash = new AuditChainWalker((body) => createHash('sha256').update(canonicalJson(body)).digest('hex'));
    expect(walk(entries, nodeHash)).toEqual({ entries: 5, head: entries[4]!.hash });
  });

  it('says where and how each kind of break is', () => {
    const e = chain(5);
    expect(walk([e[0], e[2]])).toEqual({ what: 'sequence-gap', brokenAt: 2, next: 3 });
    expect(walk([e[0], e[1], e[1]])).toEqual({ what: 'sequence-order', brokenAt: 2, previous: 2 });
    expect(walk([e[0], { ...e[1]!, action: 'other' }])).toMatchObject({ what: 'hash', brokenAt: 2, stored: e[1]!.hash });
    const relinked = (({ sequence: _s, hash: _h, ...body }) => ({ ...body, prevHash: null }))(e[1]!);
    expect(walk([e[0], { ...relinked, sequence: 2, hash: auditEntryHash(relinked) }])).toEqual({ what: 'link', brokenAt: 2, prevHash: null, expected: e[0]!.hash });
    expect(walk([e[0], { ...e[1]!, hash: 'nope' }])).toEqual({ what: 'malformed', brokenAt: 2, path: 'hash', message: expect.stringContaining('64 lowercase hexadecimal') });
    expect(walk(['text'])).toMatchObject({ what: 'malformed', brokenAt: 1, path: '' });
  });

  it('stops at the first break and keeps answering it', () => {
    const e = chain(3);
    const walker = new AuditChainWalker();
    walker.step(e[0]);
    const broken = walker.step(e[2]);
    expect(walker.step(e[1])).toBe(broken);
    expect(walker.entries).toBe(1);
  });

  it('hashes a value JSON cannot hold as malformed, never a throw', () => {
    const body = chain(1)[0]!;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(walk([{ ...body, detail: cyclic }])).toMatchObject({ what: 'malformed', brokenAt: 1, path: 'detail' });
  });
});

describe('auditExportLine', () => {
  it("writes FORMATS.md's keys in its order, whatever order the object holds them in", () => {
    const entry = chain(1)[0]!;
    const shuffled = Object.fromEntries(Object.entries(entry).reverse()) as AuditEntry;
    expect(Object.keys(JSON.parse(auditExportLine(shuffled)))).toEqual(['sequence', 'at', 'entity', 'entityId', 'action', 'actor', 'detail', 'prevHash', 'hash']);
  });
});
