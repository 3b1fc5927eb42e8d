/**
 * The command line, testable without a process: runCli(argv, io) returns the exit status.
 * 0 success, 1 the input is invalid or does not verify, 2 wrong usage (FORMATS.md).
 */
import { CouncilError } from '../../shared/result';
import { UsageError, type CliIo } from './args';
import { runKeygen } from './keygen';
import { runMakeDemoBundle, type DemoContentGenerator } from './make-demo-bundle';
import { runServe, type ServeDeps } from './serve';
import { runSuggest } from './suggest';
import { runValidate } from './validate';
import { runVerify } from './verify';
import { commandUsage, COMMAND_USAGE, fullUsage, type CommandName } from './usage';

export type { CliIo } from './args';

/** What a test may put in place of the real thing. */
export interface CliDeps {
  generateDemoBundleContent?: DemoContentGenerator;
  serve?: ServeDeps;
}

type Command = (argv: readonly string[], io: CliIo, deps: CliDeps) => Promise<number>;

const COMMANDS: Record<CommandName, Command> = {
  keygen: runKeygen,
  'make-demo-bundle': (argv, io, deps) => runMakeDemoBundle(argv, io, deps.generateDemoBundleContent),
  validate: (argv, io) => runValidate(argv, io),
  suggest: (argv, io) => runSuggest(argv, io),
  verify: (argv, io) => runVerify(argv, io),
  serve: (argv, io, deps) => runServe(argv, io, deps.serve),
};

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_USAGE, name);
}

const HELP = new Set(['--help', '-h', 'help']);

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(fullUsage());
    return 2;
  }
  if (HELP.has(name)) {
    const about = rest[0];
    io.stdout(about !== undefined && isCommand(about) ? commandUsage(about) : fullUsage());
    return 0;
  }
  if (!isCommand(name)) {
    io.stderr(`council-desk: unknown command "${name}"\n\n${fullUsage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandUsage(name));
    return 0;
  }
  try {
    return await COMMANDS[name](rest, io, deps);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`council-desk ${name}: ${e.message}\n${commandUsage(name)}`);
      return 2;
    }
    if (e instanceof CouncilError) {
      io.stderr(`council-desk ${name}: ${e.message}\n`);
      return 1;
    }
    const err = e as Error;
    io.stderr(`council-desk ${name}: ${err?.message ?? String(e)}\n`);
    return 1;
  }
}
