/**
 * A refused roster change as the form shows it: each issue beside its field, the rest above the
 * buttons; an error that is not a refusal (the database failed) with its code.
 */
import { useState } from 'react';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { RosterError, type RosterField, type RosterIssue } from '../../db/members';

export interface FormProblems {
  fields: Partial<Record<RosterField, RosterIssue>>;
  /** Issues of the change as a whole. */
  general: RosterIssue[];
  /** Not a refusal: something failed. */
  failure: ErrorInfo | null;
}

const NONE: FormProblems = { fields: {}, general: [], failure: null };

export function problemsOf(err: unknown, fieldsShown: readonly RosterField[]): FormProblems {
  if (!(err instanceof RosterError)) return { ...NONE, failure: describeError(err) };
  const fields: FormProblems['fields'] = {};
  const general: RosterIssue[] = [];
  for (const issue of err.issues) {
    if (issue.field !== null && fieldsShown.includes(issue.field) && !fields[issue.field]) fields[issue.field] = issue;
    else general.push(issue);
  }
  return { fields, general, failure: null };
}

/** The form's problems, and the first field with one (to move the focus there). */
export function useFormProblems(fieldsShown: readonly RosterField[]) {
  const [problems, setProblems] = useState<FormProblems>(NONE);
  return {
    problems,
    clear: () => setProblems(NONE),
    /** Shows `err`; answers the first field (in form order) it names, if any. */
    show(err: unknown): RosterField | null {
      const next = problemsOf(err, fieldsShown);
      setProblems(next);
      return fieldsShown.find((f) => next.fields[f]) ?? null;
    },
  };
}
