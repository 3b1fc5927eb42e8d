/**
 * cases.ndjson, line by line as it inflates: each line checked (case-line-check.ts), each sound
 * case handed to onCase in file order while no error has been found, the file's SHA-256 compared
 * with the manifest's, and caseCount compared with the number of cases.
 */
import { createHash } from 'node:crypto';
import { abortError } from './abort';
import { CaseLineChecker } from './case-line-check';
import { entryChunks } from './entry-chunks';
import { CASES_FILE, checkListedHash } from './files-check';
import { MAX_CASE_LINE_BYTES } from './limits';
import { NdjsonSplitter, type NdjsonLine } from './ndjson-lines';
import { problem } from './problem-codes';
import { settle, type ReadStage } from './read-stage';

export async function readCases(stage: ReadStage): Promise<CaseLineChecker> {
  const { reader, directory, manifest: info, onCase } = stage;
  const { log, signal } = reader;
  const checker = new CaseLineChecker(directory.entries, MAX_CASE_LINE_BYTES, log, directory.refused);
  const entry = directory.entries.get(CASES_FILE);
  if (entry === undefined) {
    checkCaseCount(checker.caseLines, stage);
    return checker;
  }
  const hash = createHash('sha256');
  const splitter = new NdjsonSplitter(MAX_CASE_LINE_BYTES);

  const take = async (lines: Iterable<NdjsonLine>): Promise<void> => {
    for (const line of lines) {
      const record = checker.check(line);
      if (record === null || onCase === undefined || log.failed) continue;
      const pending = settle(onCase(record, line.line));
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
  checkCaseCount(checker.caseLines, stage);
  return checker;
}

function checkCaseCount(cases: number, stage: ReadStage): void {
  const { manifest, file } = stage.manifest;
  if (cases !== manifest.caseCount) {
    stage.reader.log.error('files', file, null, 'caseCount', problem('CASE_COUNT_MISMATCH', { declared: manifest.caseCount, actual: cases }));
  }
}
