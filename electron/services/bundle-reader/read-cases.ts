/**
 * cases.ndjson, line by line as it inflates: each line checked (case-line-check.ts), each sound
 * case handed to onCase in file order while no error has been found, the file's SHA-256 compared
 * with the manifest's, and caseCount compared with the number of cases. A run of blank lines is
 * one warning. Once the error cap is reached the remaining lines are only counted (a warning says
 * how many), so a small bundle of millions of bad lines costs what inflating it costs; caseCount
 * is then not compared (which of the unchecked lines are blank is not known).
 */
import { createHash } from 'node:crypto';
import { abortError } from './abort';
import { CaseLineChecker } from './case-line-check';
import { entryChunks } from './entry-chunks';
import { CASES_FILE, checkListedHash } from './files-check';
import { MAX_CASE_LINE_BYTES } from './limits';
import { NdjsonSplitter, type BlankLines, type NdjsonItem } from './ndjson-lines';
import { problem } from './problem-codes';
import type { ProblemLog } from './problem-log';
import { settle, type ReadStage } from './read-stage';

export async function readCases(stage: ReadStage): Promise<CaseLineChecker> {
  const { reader, directory, manifest: info, onCase } = stage;
  const { log, signal } = reader;
  const { maxCases } = reader.budget.limits;
  const checker = new CaseLineChecker(directory.entries, MAX_CASE_LINE_BYTES, log, directory.refused);
  const entry = directory.entries.get(CASES_FILE);
  if (entry === undefined) {
    checkCaseCount(checker.caseLines, stage);
    return checker;
  }
  const hash = createHash('sha256');
  const splitter = new NdjsonSplitter(MAX_CASE_LINE_BYTES);
  if (log.full) splitter.countOnly();

  const take = async (items: Iterable<NdjsonItem>): Promise<void> => {
    for (const item of items) {
      if ('blank' in item) {
        warnBlank(item, log);
        continue;
      }
      const record = checker.check(item);
      if (checker.caseLines > maxCases) log.fatal('limits', CASES_FILE, item.line, '', problem('LIMIT_CASES', { max: maxCases }));
      if (log.full) splitter.countOnly();
      if (record === null || onCase === undefined || log.failed) continue;
      const pending = settle(onCase(record, item.line));
      if (pending) {
        await pending;
        if (signal?.aborted) throw abortError();
      }
    }
  };
  for await (const chunk of entryChunks(reader, CASES_FILE, entry)) {
    hash.update(chunk);
    await take(splitter.push(chunk));
  }
  await take(splitter.end());
  checkListedHash(CASES_FILE, hash.digest('hex'), info.manifest, info.file, log);
  if (splitter.unchecked > 0) {
    log.linesNotChecked = splitter.unchecked;
    log.notice('case', CASES_FILE, null, '', problem('LINES_NOT_CHECKED', { count: splitter.unchecked, firstLine: splitter.lines + 1, maxErrors: log.maxErrors }));
  } else {
    checkCaseCount(checker.caseLines, stage);
  }
  return checker;
}

/** One warning for a run of blank lines, however long. */
function warnBlank(run: BlankLines, log: ProblemLog): void {
  if (run.first === run.last) log.warn('case', CASES_FILE, run.first, '', problem('CASE_LINE_EMPTY'));
  else log.warn('case', CASES_FILE, run.first, '', problem('CASE_LINES_EMPTY', { after: run.last - run.first, lastLine: run.last }));
}

function checkCaseCount(cases: number, stage: ReadStage): void {
  const { manifest, file } = stage.manifest;
  if (cases !== manifest.caseCount) {
    stage.reader.log.error('files', file, null, 'caseCount', problem('CASE_COUNT_MISMATCH', { declared: manifest.caseCount, actual: cases }));
  }
}
