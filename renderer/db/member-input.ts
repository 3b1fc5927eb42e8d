/**
 * What the roster accepts from a form (renderer/db/members.ts): a member's name, affiliation, role
 * and whether active, and a declared conflict. Checked with zod; every problem is a RosterIssue,
 * a code tied to the field it is about, so the form shows it in words beside that field (the
 * Settings screen's strings have a sentence per code, Korean and English).
 */
import { z } from 'zod';
import { CONFLICT_KINDS, MEMBER_ROLES, type ConflictKind, type MemberRole } from '../../shared/council';

export const NAME_MAX = 100;
export const REASON_MAX = 500;
export const CONFLICT_VALUE_MAX = 200;

export const ROSTER_ISSUE_CODES = [
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'AFFILIATION_REQUIRED',
  'AFFILIATION_TOO_LONG',
  'ROLE_INVALID',
  'ACTIVE_INVALID',
  'CONFLICT_KIND_INVALID',
  'CONFLICT_VALUE_REQUIRED',
  'CONFLICT_VALUE_TOO_LONG',
  'REGISTRATION_NO_FORMAT',
  'CONFLICT_DUPLICATE',
  'REASON_REQUIRED',
  'REASON_TOO_LONG',
  'MEMBER_NOT_FOUND',
  'CONFLICT_NOT_FOUND',
  /** Another active member is the chair: the change needs a confirmation, which makes them a member. */
  'CHAIR_CONFIRM_NEEDED',
  /** The operator (the member at this keyboard) cannot be made inactive. */
  'OPERATOR_DEACTIVATE',
  /** A voting member of an open meeting: made inactive, secretary, chair or not chair only once it closes. */
  'MEMBER_IN_OPEN_MEETING',
  /** Someone made a voting member (added, made active again, no longer secretary) only once the open meeting closes. */
  'VOTERS_FIXED_IN_OPEN_MEETING',
  'INVALID',
] as const;
export type RosterIssueCode = (typeof ROSTER_ISSUE_CODES)[number];

export const ROSTER_FIELDS = ['name', 'affiliation', 'role', 'active', 'kind', 'value', 'reason'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export interface RosterIssue {
  /** The form field the issue is about; null for the change as a whole. */
  field: RosterField | null;
  code: RosterIssueCode;
  /** Names the sentence needs (the current chair's name, the operator's name). */
  params: Record<string, string | number>;
}

const ENGLISH: Record<RosterIssueCode, (p: Record<string, string | number>) => string> = {
  NAME_REQUIRED: () => 'The name is empty.',
  NAME_TOO_LONG: () => `The name is longer than ${NAME_MAX} characters.`,
  AFFILIATION_REQUIRED: () => 'The affiliation is empty.',
  AFFILIATION_TOO_LONG: () => `The affiliation is longer than ${NAME_MAX} characters.`,
  ROLE_INVALID: () => 'The role must be chair, member or secretary.',
  ACTIVE_INVALID: () => 'Whether the member is active must be yes or no.',
  CONFLICT_KIND_INVALID: () => 'The kind of conflict must be a registration number, a business name, a region or a bundle.',
  CONFLICT_VALUE_REQUIRED: () => 'What the conflict matches is empty.',
  CONFLICT_VALUE_TOO_LONG: () => `What the conflict matches is longer than ${CONFLICT_VALUE_MAX} characters.`,
  REGISTRATION_NO_FORMAT: () => 'A business registration number has 10 digits, with or without hyphens (123-45-67891).',
  CONFLICT_DUPLICATE: () => 'The member has already declared this conflict.',
  REASON_REQUIRED: () => 'The reason is empty.',
  REASON_TOO_LONG: () => `The reason is longer than ${REASON_MAX} characters.`,
  MEMBER_NOT_FOUND: (p) => `There is no member ${p.memberId} in the roster.`,
  CONFLICT_NOT_FOUND: (p) => `Member ${p.memberId} has no declared conflict ${p.conflictId}.`,
  CHAIR_CONFIRM_NEEDED: (p) => `${p.chair} is the chair now; confirm to make them a member.`,
  OPERATOR_DEACTIVATE: (p) => `${p.name} is the operator at this keyboard and cannot be made inactive; choose another operator first.`,
  MEMBER_IN_OPEN_MEETING: (p) => `${p.name} votes in the open meeting ${p.meeting}: whether they are active and their role change only once it is closed.`,
  VOTERS_FIXED_IN_OPEN_MEETING: (p) => `The meeting ${p.meeting} is open: ${p.name} can be made a voting member only once it is closed.`,
  INVALID: (p) => `The value is not valid (${p.detail}).`,
};

/** A refused roster change: its issues, and an English message for logs and tests. */
export class RosterError extends Error {
  constructor(readonly issues: RosterIssue[]) {
    super(issues.map((i) => ENGLISH[i.code](i.params)).join(' '));
    this.name = 'RosterError';
  }

  /** Whether the change was refused for this code. */
  has(code: RosterIssueCode): boolean {
    return this.issues.some((i) => i.code === code);
  }
}

export function refuse(field: RosterField | null, code: RosterIssueCode, params: Record<string, string | number> = {}): never {
  throw new RosterError([{ field, code, params }]);
}

/** A trimmed, NFC-normalised text of 1..max characters, with the codes for empty and too long. */
function text(max: number, required: RosterIssueCode, tooLong: RosterIssueCode) {
  return z.string({ error: required }).trim().normalize('NFC').min(1, required).max(max, tooLong);
}

export interface MemberInput {
  name: string;
  affiliation: string;
  role: MemberRole;
}

export interface MemberEdit extends MemberInput {
  active: boolean;
}

export interface ConflictInput {
  kind: ConflictKind;
  value: string;
  reason: string;
}

const memberInput = z.object({
  name: text(NAME_MAX, 'NAME_REQUIRED', 'NAME_TOO_LONG'),
  affiliation: text(NAME_MAX, 'AFFILIATION_REQUIRED', 'AFFILIATION_TOO_LONG'),
  role: z.enum(MEMBER_ROLES, { error: 'ROLE_INVALID' }),
});

const memberEdit = memberInput.extend({ active: z.boolean({ error: 'ACTIVE_INVALID' }) });

/** Ten digits, with hyphens or spaces between them or not ("123-45-67891", "1234567891"). */
function isRegistrationNoShape(value: string): boolean {
  return /^[\d\s-]+$/.test(value) && value.replace(/\D/g, '').length === 10;
}

const conflictInput = z
  .object({
    kind: z.enum(CONFLICT_KINDS, { error: 'CONFLICT_KIND_INVALID' }),
    value: text(CONFLICT_VALUE_MAX, 'CONFLICT_VALUE_REQUIRED', 'CONFLICT_VALUE_TOO_LONG'),
    reason: text(REASON_MAX, 'REASON_REQUIRED', 'REASON_TOO_LONG'),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'registrationNo' && !isRegistrationNoShape(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'REGISTRATION_NO_FORMAT' });
  })
  // A registration number is stored as its digits, the form cases carry it in for matching.
  .transform((c) => (c.kind === 'registrationNo' ? { ...c, value: c.value.replace(/\D/g, '') } : c));

/** One issue per field (the first: an empty value is not also called badly formed). */
function issuesOf(error: z.ZodError): RosterIssue[] {
  const all = error.issues.map((issue): RosterIssue => {
    const head = issue.path[0];
    const field = (ROSTER_FIELDS as readonly unknown[]).includes(head) ? (head as RosterField) : null;
    const known = (ROSTER_ISSUE_CODES as readonly string[]).includes(issue.message);
    return known ? { field, code: issue.message as RosterIssueCode, params: {} } : { field, code: 'INVALID', params: { detail: issue.message } };
  });
  return all.filter((issue, i) => issue.field === null || all.findIndex((o) => o.field === issue.field) === i);
}

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new RosterError(issuesOf(result.error));
  return result.data;
}

export const parseMemberInput = (input: unknown): MemberInput => parsed(memberInput, input);
export const parseMemberEdit = (input: unknown): MemberEdit => parsed(memberEdit, input);
export const parseConflictInput = (input: unknown): ConflictInput => parsed(conflictInput, input);
