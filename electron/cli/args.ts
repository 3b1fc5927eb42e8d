/**
 * The command line's argument handling, on node:util parseArgs. Wrong usage (unknown flag,
 * missing required flag, bad number, stray argument) throws UsageError: exit status 2.
 */
import { parseArgs } from 'node:util';

/** Where a command writes: process.stdout/stderr in the tool, strings in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** parseArgs in strict mode, with usage errors a person can read. */
export function parseCommandArgs(argv: readonly string[], options: OptionSpec, positionals: { min: number; max: number; name?: string } = { min: 0, max: 0 }): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals.max > 0 }) as ParsedArgs;
  } catch (e) {
    const err = e as { code?: string; message: string };
    const flag = /'(-[^']*)'/.exec(err.message)?.[1];
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`unknown option ${flag ?? ''}`.trim());
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new UsageError(flag ? `option ${flag.split(' ')[0]} needs a value` : err.message);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new UsageError(`unexpected argument ${/'([^']*)'/.exec(err.message)?.[1] ?? ''}`.trim());
      default:
        throw new UsageError(err.message);
    }
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.name ?? 'argument'}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument ${parsed.positionals[positionals.max]}`);
  return parsed;
}

/** A string flag that must be there and not be empty. */
export function requiredString(args: ParsedArgs, name: string): string {
  const value = optionalString(args, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

/** A whole number flag within [min, max]; the default when absent. */
export function integerFlag(args: ParsedArgs, name: string, min: number, max: number, fallback: number): number {
  const text = optionalString(args, name);
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return n;
}
