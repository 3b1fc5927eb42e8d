/**
 * Every problem the reader reports, by a stable code: the UI translates the code and its params
 * (renderer/i18n, key `problems.<CODE>`), while `message` stays the English sentence the CLI
 * prints and `validate --json` keeps (FORMATS.md). Each code has one English template here, so
 * `message` is always made from the same params the UI gets. Params whose name ends in `Bytes`
 * are byte sizes; other numbers are counts.
 */
import { boundParams, codedMessages, type CodedMessage, type ProblemParams } from '../../../shared/problems/problem';
import { SCHEMA_TEMPLATES } from '../../../shared/problems/zod-wording';
import { formatBytes } from './limits';

const n = (v: number) => v.toLocaleString('en-US');

const MEDIA_WHAT: Record<string, string> = {
  'application/pdf': 'a PDF file (which starts with %PDF-)',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
};
const evidenceWhere = (p: { line: number; index: number }) => `(cases.ndjson line ${p.line}, documents[${p.index}].mediaType)`;

export const PROBLEM_TEMPLATES = {
  // zip: the bundle file itself and its entries
  BUNDLE_NOT_FOUND: () => 'cannot be opened: there is no such file',
  BUNDLE_IS_FOLDER: () => 'is a folder, not a bundle file',
  BUNDLE_PERMISSION_DENIED: () => 'cannot be opened: permission denied',
  NOT_A_ZIP: (p: { detail: string }) => `is not a readable bundle: it is not a ZIP file, or it is damaged or cut short (${p.detail})`,
  ZIP_DIRECTORY_DAMAGED: (p: { detail: string }) => `is damaged: its table of contents cannot be read (${p.detail})`,
  ENTRY_ENCRYPTED: () => 'is encrypted (password-protected); bundle files must not be encrypted',
  ENTRY_COMPRESSION_METHOD: (p: { method: number }) => `is packed with a compression method this app cannot read (method ${p.method}); bundles use "deflate" or no compression`,
  ENTRY_CUT_SHORT: (p: { actualBytes: number; declaredBytes: number }) =>
    `is cut short: it unpacks to ${formatBytes(p.actualBytes)}, less than the ${formatBytes(p.declaredBytes)} the bundle's table of contents says`,
  ENTRY_STREAM_CUT_SHORT: (p: { detail: string }) => `is cut short: it unpacks to fewer bytes than the bundle's table of contents says (${p.detail})`,
  ENTRY_DATA_DAMAGED: (p: { detail: string }) => `is damaged: its packed data cannot be unpacked (${p.detail})`,
  ENTRY_UNREADABLE: (p: { detail: string }) => `cannot be read: the bundle file is damaged or cut short (${p.detail})`,

  // limits
  LIMIT_ENTRIES: (p: { count: number; max: number }) => `holds ${n(p.count)} files, more than the ${n(p.max)} a bundle may hold`,
  LIMIT_ENTRIES_COUNTED: (p: { max: number }) => `holds more than the ${n(p.max)} files a bundle may hold`,
  LIMIT_ENTRY_SIZE_DECLARED: (p: { sizeBytes: number; maxBytes: number }) =>
    `says it unpacks to ${formatBytes(p.sizeBytes)}, more than the ${formatBytes(p.maxBytes)} one file of a bundle may hold`,
  LIMIT_ENTRY_SIZE: (p: { maxBytes: number }) => `unpacks to more than ${formatBytes(p.maxBytes)}, more than one file of a bundle may hold`,
  LIMIT_TOTAL_DECLARED: (p: { maxBytes: number }) => `says it unpacks to more than ${formatBytes(p.maxBytes)} in all, more than a bundle may hold`,
  LIMIT_TOTAL: (p: { maxBytes: number }) => `unpacks to more than ${formatBytes(p.maxBytes)} in all, more than a bundle may hold`,
  LIMIT_RATIO: (p: { ratio: number; packedBytes: number }) =>
    `unpacks to more than ${p.ratio} times its packed size of ${formatBytes(p.packedBytes)}: a "zip bomb" that would fill the disk or the memory`,
  LIMIT_BEYOND_DECLARED: (p: { declaredBytes: number }) =>
    `unpacks to more than the ${formatBytes(p.declaredBytes)} the bundle's table of contents says: a sign of a "zip bomb" (or a damaged file)`,
  LIMIT_STREAM_OVERRUN: (p: { detail: string }) => `unpacks to more bytes than the bundle's table of contents says it holds: a sign of a "zip bomb" (${p.detail})`,

  // entry-name
  NAME_NOT_UTF8: () => 'has a name that is not valid UTF-8 text',
  NAME_CONTROL_CHARS: () => 'contains control characters',
  NAME_EMPTY: () => 'has an empty name',
  NAME_BACKSLASH: () => 'contains a backslash (\\); bundles use / between folders, and a backslash could place the file elsewhere on Windows',
  NAME_ABSOLUTE: () => 'is an absolute path (it starts with /); bundle entries must be relative paths',
  NAME_DRIVE_LETTER: () => 'starts with a drive letter (an absolute Windows path); bundle entries must be relative paths',
  NAME_DOT_DOT: () => 'contains a ".." folder, which would place the file outside the folder the bundle is unpacked into',
  NAME_EMPTY_SEGMENT: () => 'contains an empty or "." folder name',
  NAME_SYMLINK: () => 'is a symbolic link; a bundle holds only plain files',
  NAME_DUPLICATE: () => 'appears twice in the bundle; each file may appear only once',
  NAME_CASE_COLLISION: (p: { other: string }) => `differs from ${p.other} only in upper/lower case; the two would overwrite each other on Windows and macOS`,

  // manifest
  MANIFEST_BOTH: (p: { plain: string; signed: string }) => `holds both ${p.plain} and ${p.signed}; a bundle has exactly one manifest`,
  MANIFEST_NONE: (p: { plain: string; signed: string }) => `holds neither ${p.plain} nor ${p.signed}, so it is not a case bundle`,
  MANIFEST_PAYLOAD_TYPE: (p: { payloadType: string; expected: string }) => `is "${p.payloadType}", but a bundle manifest must be "${p.expected}"`,
  MANIFEST_PAYLOAD_NOT_BASE64: () => 'is not base64',
  MANIFEST_NOT_UTF8: () => 'is not UTF-8 text',
  MANIFEST_NOT_JSON: (p: { detail: string }) => `is not valid JSON (${p.detail})`,
  MANIFEST_NOT_DSSE: (p: { detail: string }) => `is not a signed manifest (DSSE envelope): ${p.detail}`,
  MANIFEST_INVALID: () => 'is not valid',
  MANIFEST_TOO_DEEP: (p: { maxDepth: number }) => `nests lists or groups of fields more than ${n(p.maxDepth)} deep, so it was not read`,

  // signature
  SIGNATURE_BAD: (p: { detail: string }) => `${p.detail}. Do not import this bundle; ask the secretariat for a new copy`,
  SIGNATURE_UNUSABLE: (p: { detail: string }) => p.detail,
  UNSIGNED: () => 'the bundle is not signed, so nobody vouches for where it comes from',
  UNTRUSTED_SIGNER: (p: { keyid: string }) => `the bundle is signed by key ${p.keyid}, which the trust file does not trust as a bundle issuer`,
  UNSIGNED_REFUSED: () =>
    'the bundle is not signed, so nobody vouches for where it comes from; only bundles signed by a trusted bundle issuer may be imported (signed bundles are required)',
  UNTRUSTED_SIGNER_REFUSED: (p: { keyid: string }) =>
    `the bundle is signed by key ${p.keyid}, which the trust file does not trust as a bundle issuer; only bundles signed by a trusted bundle issuer may be imported (signed bundles are required)`,

  // policy
  POLICY_TIERS: (p: { detail: string }) => p.detail,

  // files and hash
  FILE_NOT_LISTED: (p: { manifestFile: string }) => `is in the bundle but not listed in the manifest's files (${p.manifestFile}), so nothing vouches for its content`,
  FILES_LIST_MANIFEST: () => 'lists the manifest itself; files lists every file of the bundle except the manifest',
  FILE_LISTED_MISSING: (p: { name: string }) => `lists ${p.name}, which is missing from the bundle`,
  CASES_FILE_MISSING: () => 'is missing from the bundle; every bundle has a cases.ndjson, even an empty one',
  CASE_COUNT_MISMATCH: (p: { declared: number; actual: number }) =>
    `is ${n(p.declared)}, but cases.ndjson holds ${p.actual === 1 ? '1 case' : `${n(p.actual)} cases`} (one per line)`,
  HASH_MISMATCH: (p: { actual: string; listed: string; manifestFile: string }) =>
    `has SHA-256 ${p.actual}, but the manifest (${p.manifestFile}) lists ${p.listed}: the file was changed or damaged after the bundle was made`,

  // case lines
  CASE_LINE_TOO_LONG: (p: { maxBytes: number }) => `is longer than ${formatBytes(p.maxBytes)}; one case is normally a few KB, so this line was not read`,
  CASE_LINE_NOT_UTF8: () => 'is not UTF-8 text',
  CASE_LINE_TOO_DEEP: (p: { maxDepth: number }) => `nests lists or groups of fields more than ${n(p.maxDepth)} deep; a case nests 3 deep, so this line was not read`,
  CASE_LINE_TOO_MANY_VALUES: (p: { maxValues: number }) =>
    `holds more than ${n(p.maxValues)} values; one case holds a few thousand at most, so this line was not read`,
  CASE_LINE_EMPTY: () => 'is empty and was skipped',
  CASE_LINES_EMPTY: (p: { after: number; lastLine: number }) =>
    `is empty and was skipped, and so ${p.after === 1 ? 'is the line' : `are the ${n(p.after)} lines`} after it (to line ${n(p.lastLine)})`,
  LINES_NOT_CHECKED: (p: { count: number; firstLine: number; maxErrors: number }) =>
    `holds ${p.count === 1 ? '1 more line' : `${n(p.count)} more lines`} (from line ${n(p.firstLine)} on) that ${p.count === 1 ? 'was' : 'were'} not checked: checking stops once ${n(p.maxErrors)} errors are found`,
  CASE_LINE_NOT_JSON: (p: { detail: string }) => `is not a readable case: the line is not valid JSON (${p.detail})`,
  DUPLICATE_CASE_ID: (p: { caseId: string; earlierLine: number }) => `${p.caseId} is also the caseId of line ${p.earlierLine}; each case in a bundle needs its own caseId`,
  // schema issues (case lines and the manifest): the one wording of shared/problems/zod-wording.ts
  ...SCHEMA_TEMPLATES,

  // evidence
  EVIDENCE_MISSING: (p: { name: string }) => `points to ${p.name}, which is not in the bundle`,
  EVIDENCE_OUTSIDE_FOLDER: (p: { name: string; folder: string }) => `points to ${p.name}, but a case's evidence must be in its own folder ${p.folder}`,
  FILES_NOT_CHECKED: (p: { count: number; maxErrors: number }) =>
    `holds ${p.count === 1 ? '1 more file' : `${n(p.count)} more files`} listed in the manifest that ${p.count === 1 ? 'was' : 'were'} not checked: checking stops once ${n(p.maxErrors)} errors are found`,
  EVIDENCE_UNREFERENCED: () => 'is listed in the manifest, but no case points to it; it will not be imported',
  EVIDENCE_NOT_MEDIA_TYPE: (p: { mediaType: string; line: number; index: number }) =>
    `is not ${MEDIA_WHAT[p.mediaType] ?? p.mediaType}, though its case says it is ${p.mediaType} ${evidenceWhere(p)}`,
  EVIDENCE_TEXT_NUL: (p: { mediaType: string; line: number; index: number }) =>
    `holds NUL bytes, so it is not ${p.mediaType} text (it may be a binary file given the wrong type) ${evidenceWhere(p)}`,
  EVIDENCE_TEXT_NOT_UTF8: (p: { mediaType: string; line: number; index: number }) => `is not UTF-8 text, though its case says it is ${p.mediaType} ${evidenceWhere(p)}`,
  EVIDENCE_TEXT_CUT: (p: { mediaType: string; line: number; index: number }) =>
    `is not UTF-8 text (it ends in the middle of a character), though its case says it is ${p.mediaType} ${evidenceWhere(p)}`,
} as const satisfies Record<string, (p: never) => string>;

export type ProblemCode = keyof typeof PROBLEM_TEMPLATES;
export const PROBLEM_CODES = Object.keys(PROBLEM_TEMPLATES) as ProblemCode[];

type ArgsOf<C extends ProblemCode> = Parameters<(typeof PROBLEM_TEMPLATES)[C]>;

/** The coded problem: `problem('HASH_MISMATCH', { actual, listed, manifestFile })`. */
export const problem = codedMessages(PROBLEM_TEMPLATES);

/** A problem whose code is known only at run time (from a check that returns one). */
export type CodedProblem = { [C in ProblemCode]: { code: C; params: ArgsOf<C> extends [] ? undefined : ArgsOf<C>[0] } }[ProblemCode];

export function fromCoded(p: CodedProblem): CodedMessage<ProblemCode> {
  const params = boundParams((p.params ?? {}) as ProblemParams);
  return { code: p.code, params, message: (PROBLEM_TEMPLATES[p.code] as (q: ProblemParams) => string)(params) };
}
