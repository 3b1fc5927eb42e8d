/**
 * What a user may type for a meeting, checked with zod. Each message is a problem code (not a
 * sentence), so the screen words it in the UI language: `meeting.fieldProblems.<code>`.
 */
import { z } from 'zod';
import { isCalendarDate } from '../../shared/schemas/amounts';
import { countingRulesSchema } from '../../shared/meeting/rules';
import { MEETING_ID_PATTERN } from '../../shared/decisions/decision-file-name';

export const PLACE_MAX = 200;

export const FIELD_PROBLEMS = ['required', 'format', 'notReal', 'tooLong', 'taken', 'rules'] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];
export type MeetingField = 'meetingId' | 'date' | 'place' | 'startTime' | 'rules';

const meetingId = z.string().min(1, { error: 'required' }).regex(MEETING_ID_PATTERN, { error: 'format' });
const date = z
  .string()
  .min(1, { error: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'format' })
  .refine(isCalendarDate, { error: 'notReal' });
const place = z.string().trim().min(1, { error: 'required' }).max(PLACE_MAX, { error: 'tooLong' });
const startTime = z
  .string()
  .min(1, { error: 'required' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'format' });
const rules = countingRulesSchema.optional();

export const meetingDetailsSchema = z.strictObject({ date, place, startTime, rules });
export const newMeetingSchema = z.strictObject({ meetingId, date, place, startTime, rules });
export const detailsPatchSchema = meetingDetailsSchema.partial();

export type MeetingDetails = z.output<typeof meetingDetailsSchema>;
export type NewMeetingInput = z.input<typeof newMeetingSchema>;
export type DetailsPatch = z.input<typeof detailsPatchSchema>;

/** The first problem of each field, from a failed parse. */
export function fieldProblems(error: z.ZodError): Partial<Record<MeetingField, FieldProblem>> {
  const out: Partial<Record<MeetingField, FieldProblem>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as MeetingField | undefined;
    if (field === undefined || out[field] !== undefined) continue;
    out[field] = field === 'rules' ? 'rules' : (FIELD_PROBLEMS as readonly string[]).includes(issue.message) ? (issue.message as FieldProblem) : 'format';
  }
  return out;
}
