/** What the feature contracts share: the shape of a schema map, and the argument pieces several features use. */
import { z } from 'zod';

/** One argument schema for each of a feature's calls, checked against the handlers' argument types. */
export type ArgSchemasOf<H> = { [M in keyof H]: z.ZodType<H[M] extends (arg: infer A) => unknown ? A : never> };

/** A path on this machine, as the file dialogs and the in-app file picker give it. */
export const filePath = z.string().min(1).max(4096);
/** A passphrase (keys, backups): long enough to resist guessing, short enough to type. */
export const passphrase = z.string().min(8).max(1024);
/** A run's or a session's name: a UUID. */
export const uuid = z.string().regex(/^[0-9a-f-]{36}$/);
/** The language main's own dialogs speak. */
export const dialogLanguage = z.enum(['ko', 'en']);
