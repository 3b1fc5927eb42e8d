/**
 * A hand-written yes-or-"not sure" check of a decision file's payload against the decisions
 * schema (decision-file-schema.ts), for the notary's hot path: zod takes ~50 ms over a file of
 * 10,000 decisions, this about 10. It only ever says yes to what zod accepts, and then gives what
 * zod's parse gives: a new value built the way zod builds it (every object anew with its keys in
 * the schema's order, every list anew, strings, numbers and booleans as they were), each property
 * read once, in the schema's order (a union's discriminator twice, as zod reads it). On anything
 * else it answers null, and zod judges the payload and words its problems, so refusals stay zod's.
 *
 * "Not sure" for all that is unusual, though zod may accept some of it: an object that is not a
 * plain one (a class instance, a null prototype), a key whose value is undefined, an optional key
 * that is inherited or not enumerable, anything enumerable on Object.prototype. The patterns are
 * the schema's own (the date-time's is zod's, taken from the schema); string lengths count code
 * points, as zod 4's do (a surrogate pair once, a lone surrogate as one); numbers are finite safe
 * integers in range, as zod's int() wants (-0 included, kept as it is, as zod keeps it).
 *
 * The test (test/unit/decision-file-fast-check.test.ts) bends sound payloads everywhere and holds
 * each yes to zod's verdict and output.
 */
import { MEMBER_ROLES } from '../council';
import { MEETING_ID_PATTERN } from './decision-file-name';
import { PASSING_RULES, TIE_RULES } from '../meeting/rules';
import { OUTCOMES } from '../meeting/types';
import { isCalendarDate, isoDateTime, MAX_AMOUNT_KRW } from '../schemas/amounts';
import { CASE_ID_PATTERN } from '../schemas/case-record';
import { DECISIONS_FORMAT, DECISIONS_VERSION, SHA256_HEX_PATTERN, type DecisionFilePayload } from './decision-file-schema';

type Json = Record<string, unknown>;

/** Thrown inside the check on the first thing it cannot vouch for; never leaves it. */
const UNSURE: unique symbol = Symbol('unsure');

function unsure(): never {
  throw UNSURE;
}

/** zod's own pattern for z.iso.datetime({ offset: true }): the schema is that one check and nothing else. */
const DATETIME_PATTERN: RegExp = (() => {
  const def = (isoDateTime as unknown as { _zod: { def: { pattern?: unknown; checks?: unknown[] } } })._zod.def;
  if (!(def.pattern instanceof RegExp) || def.pattern.global || def.pattern.sticky || (def.checks?.length ?? 0) > 0) {
    throw new Error('decision-file-fast-check.ts: the date-time schema is no longer one pattern');
  }
  return def.pattern;
})();

const MAX_REMEMBERED = 10_000;
const dateTimes = new Map<string, boolean>();

/** A file's date-times are a few hundred moments over and over: each is tested once. */
function dateTime(v: unknown): string {
  if (typeof v !== 'string') unsure();
  let sound = dateTimes.get(v);
  if (sound === undefined) {
    sound = DATETIME_PATTERN.test(v);
    if (dateTimes.size < MAX_REMEMBERED) dateTimes.set(v, sound);
  }
  return sound ? v : unsure();
}

/** Code points, as zod counts a string's length: a surrogate pair once, a lone surrogate as itself. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i += 1) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n -= 1;
      i += 1;
    }
  }
  return n;
}

function text(v: unknown, min: number, max: number): string {
  if (typeof v !== 'string') unsure();
  // a code point is one or two units: only past the maximum or short of twice the minimum must they be counted
  if (v.length <= max && v.length >= 2 * min) return v;
  const n = codePoints(v);
  return n >= min && n <= max ? v : unsure();
}

function matching(v: unknown, pattern: RegExp): string {
  return typeof v === 'string' && pattern.test(v) ? v : unsure();
}

function int(v: unknown, min: number, max: number): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : unsure();
}

const count = (v: unknown) => int(v, 0, 1_000_000);
const amount = (v: unknown) => int(v, 0, MAX_AMOUNT_KRW);
const nullableAmount = (v: unknown) => (v === null ? null : amount(v));
const memberId = (v: unknown) => text(v, 1, 64);
const sha256 = (v: unknown) => matching(v, SHA256_HEX_PATTERN);

/** isoDate: its pattern, then the calendar (isCalendarDate tests the same pattern first). */
function calendarDate(v: unknown): string {
  return typeof v === 'string' && isCalendarDate(v) ? v : unsure();
}

function bool(v: unknown): boolean {
  return typeof v === 'boolean' ? v : unsure();
}

function oneOf<T extends string>(v: unknown, values: readonly T[]): T {
  return values.includes(v as T) ? (v as T) : unsure();
}

/**
 * A plain object whose enumerable keys (own and inherited, as zod's strict check walks them) are
 * `keys` exactly, `optional` aside; whether it holds the optional key. Every key enumerated is
 * own, as Object.prototype holds nothing enumerable (checked at the start).
 */
function object(v: unknown, keys: ReadonlySet<string>, optional?: string): { o: Json; hasOptional: boolean } {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) unsure();
  let n = 0;
  let hasOptional = false;
  for (const k in v) {
    if (!keys.has(k)) unsure();
    if (k === optional) hasOptional = true;
    n += 1;
  }
  const o = v as Json;
  if (hasOptional ? n !== keys.size : n !== keys.size - (optional === undefined ? 0 : 1) || (optional !== undefined && optional in o)) unsure();
  return { o, hasOptional };
}

const fields = (v: unknown, keys: ReadonlySet<string>): Json => object(v, keys).o;
const keySet = (...keys: string[]): ReadonlySet<string> => new Set(keys);

/** A list as zod gives it: a new array of each element checked, holes read as undefined (and so refused). */
function list<T>(v: unknown, min: number, max: number, element: (e: unknown) => T): T[] {
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || v.length < min || v.length > max) unsure();
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i += 1) out[i] = element(v[i]);
  return out;
}

const ATTENDANCE = keySet('memberId', 'name', 'role', 'present', 'arrivedAt', 'leftAt');
const QUORUM = keySet('required', 'present', 'met');
const MEETING = keySet('meetingId', 'date', 'place', 'rules', 'attendance', 'quorum');
const RULES = keySet('quorum', 'passing', 'recusedInBase', 'tie');
const MAJORITY = keySet('type');
const AT_LEAST = keySet('type', 'count');
const VOTE = keySet('memberId', 'vote');
const RECUSAL = keySet('memberId', 'vote', 'reason');
const TALLY = keySet('approve', 'reject', 'abstain', 'recused', 'members', 'present', 'quorumMet', 'passed');
const PROPOSAL = keySet('no', 'outcome', 'amount', 'closedAt');
const EARLIER = keySet('no', 'outcome', 'amount', 'closedAt', 'votes', 'tally');
const SUGGESTED = keySet('tier', 'award', 'claimedLoss', 'assessedLoss');
const PREVIOUS_REVISION = keySet('file', 'payloadSha256');
const REOPENED = keySet('reason', 'previousRevision');
const ENTRY = keySet('caseId', 'bundleId', 'revision', 'outcome', 'tier', 'award', 'suggested', 'proposal', 'votes', 'tally', 'earlierProposals', 'rationale', 'missingDocuments', 'decidedAt', 'reopened');
const TOTALS = keySet('decisions', 'awarded', 'rejected', 'deferred', 'amount');
const SIGNER = keySet('memberId', 'name', 'role', 'keyid');
const PAYLOAD = keySet('format', 'version', 'council', 'meeting', 'policyId', 'bundleIds', 'sequence', 'previous', 'decisions', 'totals', 'auditHead', 'signer', 'createdAt');
const VOTES_PLAIN = ['approve', 'reject', 'abstain', 'none'] as const;

type Payload = DecisionFilePayload;
type Entry = Payload['decisions'][number];

function attendanceLine(v: unknown): Payload['meeting']['attendance'][number] {
  const o = fields(v, ATTENDANCE);
  return {
    memberId: memberId(o.memberId),
    name: text(o.name, 0, 200),
    role: oneOf(o.role, MEMBER_ROLES),
    present: bool(o.present),
    arrivedAt: o.arrivedAt === null ? null : dateTime(o.arrivedAt),
    leftAt: o.leftAt === null ? null : dateTime(o.leftAt),
  };
}

function rules(v: unknown): Payload['meeting']['rules'] {
  const o = fields(v, RULES);
  const q = o.quorum as Json | null | undefined;
  // the discriminated union: the option the type names, as that option parses it
  const type = typeof q === 'object' && q !== null ? q.type : undefined;
  const quorum: Payload['meeting']['rules']['quorum'] =
    type === 'majority' ? { type: fields(q, MAJORITY).type as 'majority' }
    : type === 'atLeast' ? (() => {
      const a = fields(q, AT_LEAST);
      return { type: a.type === 'atLeast' ? 'atLeast' : unsure(), count: int(a.count, 1, 1000) };
    })()
    : unsure();
  return { quorum, passing: oneOf(o.passing, PASSING_RULES), recusedInBase: bool(o.recusedInBase), tie: oneOf(o.tie, TIE_RULES) };
}

function meeting(v: unknown): Payload['meeting'] {
  const o = fields(v, MEETING);
  return {
    meetingId: matching(o.meetingId, MEETING_ID_PATTERN),
    date: calendarDate(o.date),
    place: text(o.place, 0, 500),
    rules: rules(o.rules),
    attendance: list(o.attendance, 0, 1000, attendanceLine),
    quorum: (() => {
      const q = fields(o.quorum, QUORUM);
      return { required: count(q.required), present: count(q.present), met: bool(q.met) };
    })(),
  };
}

function listedVote(v: unknown): Entry['votes'][number] {
  const vote = typeof v === 'object' && v !== null ? (v as Json).vote : undefined;
  if (vote === 'recused') {
    const o = fields(v, RECUSAL);
    return { memberId: memberId(o.memberId), vote: o.vote === 'recused' ? 'recused' : unsure(), reason: text(o.reason, 1, 2000) };
  }
  const o = fields(v, VOTE);
  return { memberId: memberId(o.memberId), vote: oneOf(o.vote, VOTES_PLAIN) };
}

function tally(v: unknown): Entry['tally'] {
  const o = fields(v, TALLY);
  return {
    approve: count(o.approve),
    reject: count(o.reject),
    abstain: count(o.abstain),
    recused: count(o.recused),
    members: count(o.members),
    present: count(o.present),
    quorumMet: bool(o.quorumMet),
    passed: bool(o.passed),
  };
}

function proposal(v: unknown): Entry['proposal'] {
  const o = fields(v, PROPOSAL);
  return { no: int(o.no, 1, 10_000), outcome: oneOf(o.outcome, OUTCOMES), amount: nullableAmount(o.amount), closedAt: dateTime(o.closedAt) };
}

function earlierProposal(v: unknown): Entry['earlierProposals'][number] {
  const o = fields(v, EARLIER);
  return {
    no: int(o.no, 1, 10_000),
    outcome: oneOf(o.outcome, OUTCOMES),
    amount: nullableAmount(o.amount),
    closedAt: dateTime(o.closedAt),
    votes: list(o.votes, 0, 1000, listedVote),
    tally: tally(o.tally),
  };
}

const tier = (v: unknown) => (v === null ? null : text(v, 1, 64));

function suggested(v: unknown): Entry['suggested'] {
  const o = fields(v, SUGGESTED);
  return { tier: tier(o.tier), award: nullableAmount(o.award), claimedLoss: amount(o.claimedLoss), assessedLoss: nullableAmount(o.assessedLoss) };
}

function reopened(v: unknown): NonNullable<Entry['reopened']> {
  const o = fields(v, REOPENED);
  const reason = text(o.reason, 1, 2000);
  const p = o.previousRevision;
  if (p === null) return { reason, previousRevision: null };
  const r = fields(p, PREVIOUS_REVISION);
  return { reason, previousRevision: { file: text(r.file, 1, 200), payloadSha256: sha256(r.payloadSha256) } };
}

function entry(v: unknown): Entry {
  const { o, hasOptional } = object(v, ENTRY, 'reopened');
  const out: Entry = {
    caseId: matching(o.caseId, CASE_ID_PATTERN),
    bundleId: text(o.bundleId, 1, 128),
    revision: int(o.revision, 1, 10_000),
    outcome: oneOf(o.outcome, OUTCOMES),
    tier: tier(o.tier),
    award: nullableAmount(o.award),
    suggested: suggested(o.suggested),
    proposal: proposal(o.proposal),
    votes: list(o.votes, 0, 1000, listedVote),
    tally: tally(o.tally),
    earlierProposals: list(o.earlierProposals, 0, 100, earlierProposal),
    rationale: text(o.rationale, 0, 10_000),
    missingDocuments: list(o.missingDocuments, 0, 50, (d) => text(d, 1, 64)),
    decidedAt: dateTime(o.decidedAt),
  };
  // an optional key whose value is undefined zod keeps as such; not sure of it here
  if (hasOptional) out.reopened = reopened(o.reopened);
  return out;
}

function payload(v: unknown): Payload {
  const o = fields(v, PAYLOAD);
  return {
    format: o.format === DECISIONS_FORMAT ? DECISIONS_FORMAT : unsure(),
    version: o.version === DECISIONS_VERSION ? DECISIONS_VERSION : unsure(),
    council: text(o.council, 0, 500),
    meeting: meeting(o.meeting),
    policyId: text(o.policyId, 0, 200),
    bundleIds: list(o.bundleIds, 0, 10_000, (b) => text(b, 1, 128)),
    sequence: int(o.sequence, 1, 9999),
    previous: o.previous === null ? null : sha256(o.previous),
    decisions: list(o.decisions, 1, 100_000, entry),
    totals: (() => {
      const t = fields(o.totals, TOTALS);
      return { decisions: count(t.decisions), awarded: count(t.awarded), rejected: count(t.rejected), deferred: count(t.deferred), amount: int(t.amount, 0, Number.MAX_SAFE_INTEGER) };
    })(),
    auditHead: sha256(o.auditHead),
    signer: (() => {
      const s = fields(o.signer, SIGNER);
      return { memberId: memberId(s.memberId), name: text(s.name, 0, 200), role: s.role === 'chair' ? 'chair' : unsure(), keyid: sha256(s.keyid) };
    })(),
    createdAt: dateTime(o.createdAt),
  };
}

/**
 * The payload as decisionFilePayloadSchema.parse would give it, when the check is sure the schema
 * accepts it; null when zod must judge it (and word what is wrong).
 */
export function fastDecisionPayload(raw: unknown): DecisionFilePayload | null {
  // something enumerable on Object.prototype would be an unknown key of every object to zod
  for (const _ in {}) return null;
  try {
    return payload(raw);
  } catch {
    // UNSURE, or a getter that threw: zod meets it too, and answers for itself
    return null;
  }
}
