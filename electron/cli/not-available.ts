/** Commands in FORMATS.md's contract but not built yet (suggest): exit 2 until they are. */
import type { CliIo } from './args';

export function notAvailable(name: string) {
  return async (_argv: readonly string[], io: CliIo): Promise<number> => {
    io.stderr(`council-desk ${name}: not available yet in this version\n`);
    return 2;
  };
}
