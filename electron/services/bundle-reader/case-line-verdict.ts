/**
 * What one line of cases.ndjson says on its own, before anything else in the bundle is looked
 * at: UTF-8, its JSON shape, strict JSON (no key twice), the case schema, each problem worded.
 * None of it depends on other lines or on the bundle, so it can run on another thread
 * (case-line-worker.ts) while this one inflates and hashes; what depends on the lines before
 * (case ids seen, evidence named, the error cap) is case-line-check.ts's, applied in line order.
 * A verdict is plain data, so it crosses to another thread as it is (structured clone).
 */
import { isUtf8 } from 'node:buffer';
import { parseStrictJson } from '../../../shared/json/strict-json';
import type { CodedMessage } from '../../../shared/problems/problem';
import { wordIssues } from '../../../shared/problems/zod-wording';
import { CASE_ID_PATTERN, type CaseRecord, type EvidenceMediaType } from '../../../shared/schemas/case-record';
import { fastCaseRecord, keysOfAcceptedCase } from './case-fast-check';
import { zodCaseRecord, type CaseParse } from './case-schema';
import { jsonShapeBreach } from './json-shape';
import { MAX_CASE_LINE_VALUES, MAX_JSON_DEPTH, SHAPE_CHECK_MIN_LINE_BYTES } from './limits';
import { problem, type ProblemCode } from './problem-codes';

/** A problem of the line itself, with its JSON path ('' for the whole line). */
export interface LineProblem extends CodedMessage<ProblemCode> {
  path: string;
}

/** What the checks in line order need of a document: its file and the media type it declares. */
export interface DocumentRef {
  file: string;
  mediaType: EvidenceMediaType;
}

export type LineVerdict =
  /** Sound so far: the case id and documents to check against the other lines and the bundle; the record when asked for. */
  | { sound: true; caseId: string; documents: readonly DocumentRef[]; record: CaseRecord | null }
  /** Its problems, in the order they are reported; a well-formed case id and the files named, which still count. */
  | { sound: false; problems: LineProblem[]; caseId: string | null; mentioned: string[] };

const whole = (coded: CodedMessage<ProblemCode>): LineProblem => ({ path: '', ...coded });

export function tooLongVerdict(maxLineBytes: number): LineVerdict {
  return { sound: false, problems: [whole(problem('CASE_LINE_TOO_LONG', { maxBytes: maxLineBytes }))], caseId: null, mentioned: [] };
}

const refused = (p: LineProblem): LineVerdict => ({ sound: false, problems: [p], caseId: null, mentioned: [] });

/**
 * The verdict on a line's bytes. `keepRecord`: a sound line's verdict carries its record (for
 * onCase); without it only the case id and the documents' files and media types, which is all
 * the checks in line order need, and far less to send back from a worker.
 */
export function lineVerdict(bytes: Buffer, keepRecord: boolean): LineVerdict {
  if (!isUtf8(bytes)) return refused(whole(problem('CASE_LINE_NOT_UTF8')));
  const breach = bytes.length < SHAPE_CHECK_MIN_LINE_BYTES ? null : jsonShapeBreach(bytes, { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_CASE_LINE_VALUES });
  if (breach === 'depth') return refused(whole(problem('CASE_LINE_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH })));
  if (breach === 'values') return refused(whole(problem('CASE_LINE_TOO_MANY_VALUES', { maxValues: MAX_CASE_LINE_VALUES })));
  // a case the compiled check accepts has a known number of keys: no walk to count them
  let accepted: CaseRecord | null = null;
  const strict = parseStrictJson(bytes.toString('utf8'), (value) => {
    accepted = fastCaseRecord(value);
    return accepted === null ? null : keysOfAcceptedCase(accepted);
  });
  if (!strict.ok) {
    if (strict.error === 'not-json') return refused(whole(problem('CASE_LINE_NOT_JSON', { detail: strict.detail })));
    const { key, column, path } = strict.duplicate;
    return refused({ path, ...problem('CASE_LINE_DUPLICATE_KEY', { key, column }) });
  }
  const json = strict.value;
  const parsed: CaseParse = accepted !== null ? { success: true, data: accepted } : zodCaseRecord(json);
  if (!parsed.success) {
    const problems = wordIssues(parsed.issues, json) as LineProblem[];
    const raw = (json ?? {}) as { caseId?: unknown; documents?: unknown };
    const caseId = typeof raw.caseId === 'string' && CASE_ID_PATTERN.test(raw.caseId) ? raw.caseId : null;
    const mentioned: string[] = [];
    if (Array.isArray(raw.documents)) for (const doc of raw.documents) if (typeof doc?.file === 'string') mentioned.push(doc.file);
    return { sound: false, problems, caseId, mentioned };
  }
  const record = parsed.data;
  if (keepRecord) return { sound: true, caseId: record.caseId, documents: record.documents, record };
  return { sound: true, caseId: record.caseId, documents: record.documents.map((d) => ({ file: d.file, mediaType: d.mediaType })), record: null };
}
