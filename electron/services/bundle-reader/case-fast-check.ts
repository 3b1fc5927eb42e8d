/**
 * A compiled yes-or-no check of a case line's JSON against the shared case schema
 * (shared/schemas/case-record.ts), for the reader's hot path: ajv's generated code takes a few
 * hundred nanoseconds a case where zod takes several microseconds. It only ever says yes to what
 * zod accepts; on any no, zod checks the case again and words its problems (case-schema.ts), so
 * errors, their order and their wording stay zod's.
 *
 * One source of truth: the JSON Schema is zod's own (z.toJSONSchema of the shared schema, its
 * input side), with two exact adjustments, and the module refuses to load when the schema holds
 * anything else it cannot represent (string lengths count code points in both, a pair of
 * surrogates as one; the test bends cases at each limit with astral characters to hold them to it):
 * - the one refinement, isoDate's "exists on the calendar", is the same function, remembered;
 * - the one transform, registrationNo without hyphens, is applied to the record accepted.
 * Patterns run without the u flag, as zod's RegExps do.
 */
import Ajv, { _, type KeywordCxt } from 'ajv';
import { z } from 'zod';
import { isCalendarDate, isoDate } from '../../../shared/schemas/amounts';
import { caseRecordSchema, dailySaleSchema, documentRefSchema, type CaseRecord } from '../../../shared/schemas/case-record';

type Json = Record<string, unknown>;

const MAX_REMEMBERED_DATES = 10_000;
const calendarDates = new Map<string, boolean>();

/** isCalendarDate, remembered: a case lists dozens of dates, and a batch of cases the same few hundred. */
export function isSoundDate(text: string): boolean {
  let sound = calendarDates.get(text);
  if (sound === undefined) {
    sound = isCalendarDate(text);
    if (calendarDates.size < MAX_REMEMBERED_DATES) calendarDates.set(text, sound);
  }
  return sound;
}

/** The registration number's transform, the one zod applies (case-record.ts). */
const REGISTRATION_NO = caseRecordSchema.shape.business.shape.registrationNo;

function jsonSchemaOf(): Json {
  const unknown: string[] = [];
  const schema = z.toJSONSchema(caseRecordSchema, {
    io: 'input',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as z.core.$ZodTypeDef & { checks?: z.core.$ZodCheck[] };
      const custom = (def.checks ?? []).filter((c) => c._zod.def.check === 'custom');
      if ((zodSchema as unknown) === isoDate) {
        // isSoundDate tests the same pattern first: one look at the date, not two
        (jsonSchema as Json).calendarDate = true;
        delete (jsonSchema as Json).pattern;
      }
      else if (custom.length > 0) unknown.push(`a refinement at ${JSON.stringify(jsonSchema).slice(0, 80)}`);
      if (def.type === 'pipe' && (zodSchema as unknown) !== REGISTRATION_NO) unknown.push(`a transform at ${JSON.stringify(jsonSchema).slice(0, 80)}`);
      const json = jsonSchema as Json;
      delete json.format; // its pattern says the same, as zod's check does
    },
  }) as Json;
  if (unknown.length > 0) throw new Error(`case-fast-check.ts cannot represent the case schema exactly: ${unknown.join('; ')}`);
  delete schema.$schema;
  return schema;
}

function compile() {
  // zod's schema needs no meta-schema check, and the generated code runs as fast unoptimised: 15 ms to
  // compile instead of 40, paid by each new process and worker
  const ajv = new Ajv({ allErrors: false, unicodeRegExp: false, strictTypes: false, validateSchema: false, meta: false, code: { optimize: false } });
  // called from the generated code directly (a validate keyword would build an object per call)
  ajv.addKeyword({
    keyword: 'calendarDate',
    type: 'string',
    schemaType: 'boolean',
    code: (cxt: KeywordCxt) => cxt.fail(_`!${cxt.gen.scopeValue('func', { ref: isSoundDate })}(${cxt.data})`),
  });
  return ajv.compile(jsonSchemaOf());
}

const accepts = compile();

/**
 * The case when the shared schema accepts the JSON, as zod would give it (registrationNo without
 * hyphens; the parsed object itself, changed in place); null when zod must judge it.
 */
export function fastCaseRecord(json: unknown): CaseRecord | null {
  if (!accepts(json)) return null;
  const record = json as CaseRecord;
  record.business.registrationNo = record.business.registrationNo.replaceAll('-', '');
  return record;
}

/**
 * The own keys of every object in a case fastCaseRecord accepted: its nine, the business's five,
 * two a daily sale and four a document (strict objects, every key required; nothing else in a
 * case is an object). The duplicate-key check compares them with the text's members.
 */
export function keysOfAcceptedCase(record: CaseRecord): number {
  return CASE_KEYS + BUSINESS_KEYS + DAILY_SALE_KEYS * record.dailySales.length + DOCUMENT_KEYS * record.documents.length;
}

const CASE_KEYS = Object.keys(caseRecordSchema.shape).length;
const BUSINESS_KEYS = Object.keys(caseRecordSchema.shape.business.shape).length;
const DAILY_SALE_KEYS = Object.keys(dailySaleSchema.shape).length;
const DOCUMENT_KEYS = Object.keys(documentRefSchema.shape).length;

