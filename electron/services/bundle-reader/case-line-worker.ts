/**
 * A worker thread that gives each case line of a batch its own verdict (case-line-verdict.ts):
 * the per-line work (UTF-8, JSON, duplicate keys, the case schema, the wording) that would
 * otherwise hold the reading thread. The reading thread applies the verdicts in line order
 * (case-line-pipeline.ts). Built as its own file next to each bundle (build/build-node.mjs);
 * vitest runs it from source through case-line-worker-source.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { batchLines, WORKER_READY, type BatchMessage, type VerdictsMessage } from './case-line-batch';
import { lineVerdict, type LineVerdict } from './case-line-verdict';

const port = parentPort;
if (port === null) throw new Error('case-line-worker runs as a worker thread only');

port.on('message', (batch: BatchMessage) => {
  let answer: VerdictsMessage;
  try {
    const verdicts: LineVerdict[] = [];
    for (const bytes of batchLines(batch)) verdicts.push(lineVerdict(bytes, batch.keepRecords));
    answer = { id: batch.id, verdicts };
  } catch (e) {
    answer = { id: batch.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(answer);
});
port.postMessage(WORKER_READY);
