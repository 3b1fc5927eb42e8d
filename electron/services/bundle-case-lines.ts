/**
 * cases.ndjson: one case per line (FORMATS.md). Each line must be JSON, valid against the case
 * schema, with a caseId unique in the bundle and documents that point to files in the bundle.
 * Problems name the file, the 1-based line and the JSON path, e.g. business.registrationNo.
 */
import { formatJsonPath, issuesToProblems } from '../../shared/json-path';
import { caseRecordSchema, type CaseRecord } from '../../shared/schemas/case-record';
import type { ProblemSink } from './bundle-problems';

/** Past this many problems the rest of the lines are only counted: one broken generator is enough to see. */
const MAX_LINE_PROBLEMS = 500;

export interface CaseLines {
  cases: CaseRecord[];
  /** Lines in the file: a final newline ends the last line, it does not start another. */
  lineCount: number;
}

export function readCaseLines(bytes: Uint8Array, file: string, sink: ProblemSink, fileInBundle: (path: string) => boolean): CaseLines {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    sink.add(file, '', 'is not UTF-8 text');
    return { cases: [], lineCount: 0 };
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();

  let problemCount = 0;
  const add = (line: number, path: string, message: string) => {
    problemCount += 1;
    if (problemCount <= MAX_LINE_PROBLEMS) sink.add(file, path, message, line);
  };
  const cases: CaseRecord[] = [];
  const lineOfCaseId = new Map<string, number>();
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return add(lineNo, '', 'is empty; every line must hold one case');
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      return add(lineNo, '', `is not valid JSON (${(e as Error).message})`);
    }
    const parsed = caseRecordSchema.safeParse(json);
    if (!parsed.success) {
      for (const p of issuesToProblems(parsed.error.issues)) add(lineNo, p.path, p.message);
      return;
    }
    const record = parsed.data;
    const earlier = lineOfCaseId.get(record.caseId);
    if (earlier !== undefined) add(lineNo, 'caseId', `${record.caseId} is also the caseId of line ${earlier}; caseIds must be unique in a bundle`);
    else lineOfCaseId.set(record.caseId, lineNo);
    record.documents.forEach((doc, j) => {
      if (!fileInBundle(doc.file)) add(lineNo, formatJsonPath(['documents', j, 'file']), `points to ${doc.file}, which is not an evidence file of this bundle`);
    });
    cases.push(record);
  });
  return { cases, lineCount: lines.length };
}
