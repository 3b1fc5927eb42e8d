/**
 * One line of cases.ndjson: UTF-8, JSON, the case schema (with each problem's JSON path), a
 * caseId unique in the bundle ignoring case (naming the earlier line), and documents that point to files in
 * the bundle, inside the case's own folder evidence/<caseId>/. Remembers which evidence files the
 * cases point to, with the media types they declare, for the evidence checks that follow.
 * The line's own checks are its verdict (case-line-verdict.ts, made here by check() or on a
 * worker thread); what depends on the lines before and on the bundle is apply()'s, in line order.
 */
import { formatJsonPath } from '../../../shared/json-path';
import type { CaseRecord, EvidenceMediaType } from '../../../shared/schemas/case-record';
import { lineVerdict, tooLongVerdict, type DocumentRef, type LineVerdict } from './case-line-verdict';
import { collisionKey, displayName } from './entry-names';
import { CASES_FILE } from './files-check';
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
    const verdict = input.tooLong ? tooLongVerdict(this.maxLineBytes) : lineVerdict(input.bytes, true);
    return this.apply(input.line, verdict);
  }

  /**
   * The checks that depend on the lines before, and on the bundle, given a line's own verdict
   * (case-line-verdict.ts, made here or on a worker thread): called in line order, it logs what
   * check() logs, in the same order. The record when the line is sound and the verdict carries it.
   */
  apply(line: number, verdict: LineVerdict): CaseRecord | null {
    const log = this.log;
    this.caseLines += 1;
    if (!verdict.sound) {
      for (const p of verdict.problems) log.error('case', CASES_FILE, line, p.path, p);
      if (verdict.caseId !== null) this.noteCaseId(verdict.caseId, line);
      for (const file of verdict.mentioned) this.mentioned.add(file);
      return null;
    }
    const errorsBefore = log.errorCount;
    this.noteCaseId(verdict.caseId, line);
    this.checkDocuments(verdict.caseId, verdict.documents, line);
    return log.errorCount === errorsBefore ? verdict.record : null;
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

  private checkDocuments(caseId: string, documents: readonly DocumentRef[], line: number): void {
    const folder = `evidence/${caseId}/`;
    documents.forEach((doc, index) => {
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
      if (ref === undefined) this.evidence.set(doc.file, { caseId, line, documents: [{ index, mediaType: doc.mediaType }] });
      else if (ref.caseId === caseId) ref.documents.push({ index, mediaType: doc.mediaType });
    });
  }

  private refusedKeys: Set<string> | undefined;

  /** Refused itself, or a name that a refused entry's differs from only in case or Unicode form (NFD "한" for NFC "한"). */
  private wasRefused(file: string): boolean {
    this.refusedKeys ??= new Set([...this.refused].map(collisionKey));
    return this.refused.has(file) || this.refusedKeys.has(collisionKey(file));
  }
}
