/** The council-desk command-line tool (bundled to dist/cli/council-desk.cjs). All logic is in cli/. */
import { runCli } from './cli/run';

// A reader that stops early (`suggest ... | head -3`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`council-desk: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
