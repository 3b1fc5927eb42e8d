/**
 * Browser mode's DialogPort. The page picks files with the in-app file picker (browseFolder) and
 * saves reports as downloads, so the file dialogs are never asked for and answer null. A
 * confirmation (lowering a protection) is asked on the terminal where `council-desk serve` runs:
 * the page alone cannot lower a protection. Without a terminal to ask, the answer is no.
 */
import { createInterface } from 'node:readline/promises';
import type { ConfirmRequest, DialogPort } from '../dialog-port';

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/** The answers that confirm, in English and Korean. */
const YES = /^(y|yes|예|네)$/i;

export function terminalDialogs(terminal: Terminal): DialogPort {
  // One question at a time: two at once would share the same line of input.
  let queue: Promise<unknown> = Promise.resolve();

  async function ask(request: ConfirmRequest): Promise<boolean> {
    if (terminal.input.isTTY !== true) return false;
    const rl = createInterface({ input: terminal.input, output: terminal.output });
    const interrupted = new Promise<false>((resolve) =>
      rl.once('SIGINT', () => {
        // Ctrl+C while asked: the answer is no, and serve still stops as it does on Ctrl+C.
        resolve(false);
        process.emit('SIGINT');
      }),
    );
    try {
      terminal.output.write(`\n${request.title}\n${request.message}\n${request.detail}\n`);
      const answer = await Promise.race([rl.question(`${request.confirmLabel}: type "yes" to confirm / 확인하려면 "예"를 입력하세요: `), interrupted]);
      return answer !== false && YES.test(answer.trim());
    } finally {
      rl.close();
    }
  }

  return {
    openFile: async () => null,
    openFolder: async () => null,
    saveFile: async () => null,
    confirm: (request) => {
      const answer = queue.then(() => ask(request));
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
}
