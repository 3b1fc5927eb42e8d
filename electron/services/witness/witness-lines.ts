/**
 * Reads the witness file (shared/audit-witness.ts) line by line, streaming, so a file of a long
 * meeting's 100,000 lines is never held as one string. A line is a witness line when it is the
 * JSON of one entry whose sequence is above the last good line's; any other line is skipped and
 * its number reported. The last line without its newline is torn (a crash mid-append): skipped,
 * said so (tornTail), and the file is never truncated by the reader.
 */
import { createReadStream } from 'node:fs';
import { witnessEntrySchema, type WitnessEntry } from '../../../shared/audit-witness';
import { CouncilError } from '../../../shared/result';

export interface WitnessScan {
  /** The last good line; null when none is. */
  last: WitnessEntry | null;
  tornTail: boolean;
  skippedLines: number[];
  /** Whether the file ends with a newline (or is empty or missing): the next append starts a line of its own. */
  endsWithNewline: boolean;
}

/** At most this many skipped lines are listed: a file of garbage must not fill memory with line numbers. */
const MAX_SKIPPED_LISTED = 1000;

function parseLine(line: string): WitnessEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = witnessEntrySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** No witness line is longer (about 110 characters); a longer run without a newline is not kept whole, only skipped. */
const MAX_LINE = 4096;

/** Each line of `path` with its number and whether its newline was there; none when the file is missing. */
async function* linesOf(path: string): AsyncGenerator<{ text: string; number: number; complete: boolean }> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let carry = '';
  /** Inside a line too long to be a witness line: its text is dropped, its end still ends it. */
  let overlong = false;
  let number = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop()!;
      for (const [i, text] of parts.entries()) yield { text: i === 0 && overlong ? '' : text, number: ++number, complete: true };
      if (parts.length > 0) overlong = false;
      if (carry.length > MAX_LINE) {
        overlong = true;
        carry = '';
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CouncilError('WITNESS_UNREADABLE', `The audit log's witness ${path} could not be read (${(e as Error).message}); nothing was changed in it.`);
  }
  if (carry !== '' || overlong) yield { text: carry, number: ++number, complete: false };
}

/**
 * Reads the whole file once, handing each good entry to `visit` (none kept here): the memory used
 * is one chunk, whatever the file's length.
 */
export async function scanWitness(path: string, visit: (entry: WitnessEntry) => void = () => undefined): Promise<WitnessScan> {
  const scan: WitnessScan = { last: null, tornTail: false, skippedLines: [], endsWithNewline: true };
  const skip = (number: number) => {
    if (scan.skippedLines.length < MAX_SKIPPED_LISTED) scan.skippedLines.push(number);
  };
  for await (const { text, number, complete } of linesOf(path)) {
    if (!complete) {
      scan.tornTail = true;
      scan.endsWithNewline = false;
      break;
    }
    const entry = parseLine(text);
    if (entry === null || (scan.last !== null && entry.sequence <= scan.last.sequence)) {
      skip(number);
      continue;
    }
    scan.last = entry;
    visit(entry);
  }
  return scan;
}
