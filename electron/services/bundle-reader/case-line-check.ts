/**
 * One line of cases.ndjson: UTF-8, JSON, the case schema (with each problem's JSON path), a
 * caseId unique in the bundle ignoring case (naming the earlier line), and documents that point to files in
 * the bundle, inside the case's own folder evidence/<caseId>/. Remembers which evidence files the
 * cases point to, with the media types they declare, for the evidence checks that follow.
 */
import { isUtf8 } from 'node:buffer';
import { formatJsonPath } from '../../../shared/json-path';
import { parseStrictJson } from '../../../shared/json/strict-json';
import { wordIssues } from '../../../shared/problems/zod-wording';
import { CASE_ID_PATTERN, type CaseRecord, type EvidenceMediaType } from '../../../shared/schemas/case-record';
import { parseCaseRecord } from './case-schema';
import { collisionKey, displayName } from './entry-names';
import { CASES_FILE } from './files-check';
import { jsonShapeBreach } from './json-shape';
import { MAX_CASE_LINE_VALUES, MAX_JSON_DEPTH, SHAPE_CHECK_MIN_LINE_BYTES } from './limits';
import type { NdjsonLine } from './ndjson-lines';
import { problem } from './problem-codes';
import type { ProblemLog } from './problem-log';

/** Where a case points to an evidence file: the case, its line, and each document's index and media type. */
export interface EvidenceReference {
  caseId: string;
  line: number;
  documents: { index: number; mediaType: EvidenceMediaType }[];
}

export class CaseLineChecker {
  /** Lines handed in (blank lines never are: the splitter skips them): what caseCount must equal. */
  caseLines = 0;
  readonly evidence = new Map<string, EvidenceReference>();
  /** Files named by documents of lines that failed their checks: not "unreferenced", though not checked either. */
  readonly mentioned = new Set<string>();
  /** The first case id of each lower-cased id, and its line. */
  private readonly lineOfCaseId = new Map<string, { caseId: string; line: number }>();

  constructor(
    private readonly filesInBundle: ReadonlySet<string> | ReadonlyMap<string, unknown>,
    private readonly maxLineBytes: number,
    private readonly log: ProblemLog,
    /** Entries refused by the directory check (zip-directory.ts): already reported, so not "missing" too. */
    private readonly refused: ReadonlySet<string> = new Set(),
  ) {}

  /** The case when the line is sound, else null (its problems are logged). */
  check(input: NdjsonLine): CaseRecord | null {
    const line = input.line;
    const log = this.log;
    if (input.tooLong) {
      this.caseLines += 1;
      log.error('case', CASES_FILE, line, '', problem('CASE_LINE_TOO_LONG', { maxBytes: this.maxLineBytes }));
      return null;
    }
    const bytes = input.bytes;
    if (!isUtf8(bytes)) {
      this.caseLines += 1;
      log.error('case', CASES_FILE, line, '', problem('CASE_LINE_NOT_UTF8'));
      return null;
    }
    this.caseLines += 1;
    const breach = bytes.length < SHAPE_CHECK_MIN_LINE_BYTES ? null : jsonShapeBreach(bytes, { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_CASE_LINE_VALUES });
    if (breach === 'depth') log.error('case', CASES_FILE, line, '', problem('CASE_LINE_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH }));
    if (breach === 'values') log.error('case', CASES_FILE, line, '', problem('CASE_LINE_TOO_MANY_VALUES', { maxValues: MAX_CASE_LINE_VALUES }));
    if (breach !== null) return null;
    const text = bytes.toString('utf8');
    const strict = parseStrictJson(text);
    if (!strict.ok) {
      if (strict.error === 'not-json') log.error('case', CASES_FILE, line, '', problem('CASE_LINE_NOT_JSON', { detail: strict.detail }));
      else log.error('case', CASES_FILE, line, strict.duplicate.path, problem('CASE_LINE_DUPLICATE_KEY', { key: strict.duplicate.key, column: strict.duplicate.column }));
      return null;
    }
    const json = strict.value;
    const errorsBefore = log.errorCount;
    const parsed = parseCaseRecord(json);
    if (!parsed.success) {
      for (const p of wordIssues(parsed.issues, json)) log.error('case', CASES_FILE, line, p.path, p);
      const raw = (json ?? {}) as { caseId?: unknown; documents?: unknown };
      if (typeof raw.caseId === 'string' && CASE_ID_PATTERN.test(raw.caseId)) this.noteCaseId(raw.caseId, line);
      if (Array.isArray(raw.documents)) for (const doc of raw.documents) if (typeof doc?.file === 'string') this.mentioned.add(doc.file);
      return null;
    }
    const record = parsed.data;
    this.noteCaseId(record.caseId, line);
    this.checkDocuments(record, line);
    return log.errorCount === errorsBefore ? record : null;
  }

  /**
   * A case id names the folder evidence/<caseId>/, so ids are compared ignoring case (they are
   * ASCII): 1015-abc and 1015-ABC would be one folder on Windows and macOS.
   */
  private noteCaseId(caseId: string, line: number): void {
    const folded = caseId.toLowerCase();
    const earlier = this.lineOfCaseId.get(folded);
    if (earlier === undefined) this.lineOfCaseId.set(folded, { caseId, line });
    else if (earlier.caseId === caseId) this.log.error('case', CASES_FILE, line, 'caseId', problem('DUPLICATE_CASE_ID', { caseId, earlierLine: earlier.line }));
    else this.log.error('case', CASES_FILE, line, 'caseId', problem('CASE_ID_CASE_COLLISION', { caseId, other: earlier.caseId, earlierLine: earlier.line }));
  }

  private checkDocuments(record: CaseRecord, line: number): void {
    const folder = `evidence/${record.caseId}/`;
    record.documents.forEach((doc, index) => {
      const path = formatJsonPath(['documents', index, 'file']);
      const shown = displayName(doc.file);
      if (!this.filesInBundle.has(doc.file)) {
        if (this.wasRefused(doc.file)) return; // its refusal is the one problem; the bundle is invalid already
        this.log.error('evidence', CASES_FILE, line, path, problem('EVIDENCE_MISSING', { name: shown }));
        return;
      }
      if (!doc.file.startsWith(folder) || doc.file.length === folder.length) {
        this.log.error('evidence', CASES_FILE, line, path, problem('EVIDENCE_OUTSIDE_FOLDER', { name: shown, folder }));
        return;
      }
      const ref = this.evidence.get(doc.file);
      if (ref === undefined) this.evidence.set(doc.file, { caseId: record.caseId, line, documents: [{ index, mediaType: doc.mediaType }] });
      else if (ref.caseId === record.caseId) ref.documents.push({ index, mediaType: doc.mediaType });
    });
  }

  private refusedKeys: Set<string> | undefined;

  /** Refused itself, or a name that a refused entry's differs from only in case or Unicode form (NFD "한" for NFC "한"). */
  private wasRefused(file: string): boolean {
    this.refusedKeys ??= new Set([...this.refused].map(collisionKey));
    return this.refused.has(file) || this.refusedKeys.has(collisionKey(file));
  }
}
