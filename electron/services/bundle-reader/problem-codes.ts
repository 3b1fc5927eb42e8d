/**
 * Every problem the reader reports, by a stable code: the UI translates the code and its params
 * (renderer/i18n, key `problems.<CODE>`), while `message` stays the English sentence the CLI
 * prints and `validate --json` keeps (FORMATS.md). Each code has one English template here, so
 * `message` is always made from the same params the UI gets. Params whose name ends in `Bytes`
 * are byte sizes; other numbers are counts.
 */
import { boundParams, codedMessages, type CodedMessage, type ProblemParams } from '../../../shared/problems/problem';
import { SCHEMA_TEMPLATES } from '../../../shared/problems/zod-wording';
import { canonicalWords, type CanonicalMismatch } from '../../../shared/json/canonical-form';
import { formatBytes } from './limits';

const n = (v: number) => v.toLocaleString('en-US');

const MEDIA_WHAT: Record<string, string> = {
  'application/pdf': 'a PDF file (which starts with %PDF-)',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
};
const TWO_READERS = 'JSON readers disagree on which of the two counts, so two readers could see two different bundles';
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
  ENTRY_DATA_DAMAGED: (p: { detail: string }) => `is damaged: its packed data cannot be unpacked (${p.detail})`,
  ENTRY_UNREADABLE: (p: { detail: string }) => `cannot be read: the bundle file is damaged or cut short (${p.detail})`,
  // zip: one view of the ZIP (its layout, each entry's own header against the table of contents)
  ZIP_BYTES_AFTER_END: (p: { extraBytes: number }) =>
    `has ${formatBytes(p.extraBytes)} after the end of the ZIP; a bundle must end with its table of contents (extra bytes can hide another file)`,
  ZIP_COMMENT_CUT_SHORT: (p: { commentBytes: number; missingBytes: number }) =>
    `is cut short: its closing ZIP comment should be ${formatBytes(p.commentBytes)} long, but the file ends ${formatBytes(p.missingBytes)} too early`,
  ZIP_END_RECORDS_DISAGREE: () => 'is damaged: its two end records (ZIP and ZIP64) disagree about where its table of contents is or how many files it lists',
  ZIP_DIRECTORY_MISPLACED: () => 'is damaged: its table of contents is not followed directly by its end record, so ZIP programs could read it differently',
  ZIP_BYTES_BEFORE_FIRST: (p: { extraBytes: number; name: string }) =>
    `has ${formatBytes(p.extraBytes)} before its first file (${p.name}); a bundle must start with its first file (extra bytes can hide another file)`,
  ZIP_BYTES_BEFORE_DIRECTORY: (p: { extraBytes: number }) => `holds no files, but has ${formatBytes(p.extraBytes)} before its table of contents`,
  ZIP_GAP_BEFORE_DIRECTORY: (p: { extraBytes: number; other: string }) =>
    `has ${formatBytes(p.extraBytes)} that belong to no file between its last file (${p.other}) and its table of contents (extra bytes can hide another file)`,
  ZIP_GAP_BEFORE_ENTRY: (p: { extraBytes: number; other: string }) =>
    `is preceded by ${formatBytes(p.extraBytes)} that belong to no file (after ${p.other}); extra bytes between files can hide another file`,
  ZIP_ENTRIES_OVERLAP: (p: { other: string }) =>
    `shares its bytes in the bundle file with ${p.other}; two files must not overlap (a trick that makes ZIP programs see different files)`,
  ZIP_ENTRY_INTO_DIRECTORY: () => "runs into the bundle's table of contents: the file is damaged or was made to deceive",
  ENTRY_LOCAL_HEADER_MISSING: () => "cannot be found where the bundle's table of contents says it starts: the file is damaged or was made to deceive",
  ENTRY_LOCAL_HEADER_DAMAGED: () => 'has a damaged header of its own in the bundle file: its extra fields or its large-file (ZIP64) sizes cannot be read',
  ENTRY_LOCAL_NAME_MISMATCH: (p: { localName: string }) =>
    `is called "${p.localName}" in its own header: the bundle's table of contents and the file itself disagree about its name, so ZIP programs could unpack it under different names`,
  ENTRY_LOCAL_FLAGS_MISMATCH: (p: { local: string; central: string }) =>
    `has different settings (flags ${p.local}) in its own header than in the bundle's table of contents (flags ${p.central}), so ZIP programs could read it differently`,
  ENTRY_LOCAL_METHOD_MISMATCH: (p: { local: number; central: number }) =>
    `is packed with method ${p.local} by its own header but method ${p.central} by the bundle's table of contents, so ZIP programs could read it differently`,
  ENTRY_LOCAL_CRC_MISMATCH: () => "has a different checksum (CRC-32) in its own header than in the bundle's table of contents, so ZIP programs could read it differently",
  ENTRY_LOCAL_SIZE_MISMATCH: (p: { localBytes: number; centralBytes: number }) =>
    `has a different size in its own header (${formatBytes(p.localBytes)}) than in the bundle's table of contents (${formatBytes(p.centralBytes)}), so ZIP programs could read it differently`,
  ENTRY_LOCAL_PACKED_SIZE_MISMATCH: (p: { localBytes: number; centralBytes: number }) =>
    `has a different packed size in its own header (${formatBytes(p.localBytes)}) than in the bundle's table of contents (${formatBytes(p.centralBytes)}), so ZIP programs could read it differently`,
  ENTRY_DESCRIPTOR_MISMATCH: () =>
    "has a data descriptor (the checksum and sizes written after its data) that is missing or disagrees with the bundle's table of contents",
  ENTRY_STORED_SIZES_DIFFER: (p: { packedBytes: number; sizeBytes: number }) =>
    `is stored without compression, but the bundle's table of contents gives it two sizes (${formatBytes(p.packedBytes)} stored, ${formatBytes(p.sizeBytes)} unpacked)`,
  ENTRY_CRC_MISMATCH: () => "is damaged: its content does not match the checksum (CRC-32) the bundle's table of contents records for it",
  ENTRY_FOLDER_WITH_DATA: () => 'is a folder that carries data; a folder in a bundle must be empty',
  ENTRY_FILE_MARKED_FOLDER: () => 'is marked as a folder, but its name does not end in "/"; ZIP programs could unpack it as a file or as a folder',
  ENTRY_FOLDER_MARKED_FILE: () => 'has a folder name (it ends in "/"), but is marked as a plain file; ZIP programs could unpack it as a file or as a folder',
  ENTRY_SPECIAL_FILE: (p: { mode: string }) =>
    `is a special file (a device, a pipe or a socket: Unix file type ${p.mode}), not a plain file; a bundle holds only plain files and empty folders`,

  // limits
  LIMIT_ENTRIES: (p: { count: number; max: number }) => `holds ${n(p.count)} files, more than the ${n(p.max)} a bundle may hold`,
  LIMIT_CASES_DECLARED: (p: { count: number; max: number }) => `says the bundle holds ${n(p.count)} cases, more than the ${n(p.max)} one bundle may hold; split the batch into several bundles`,
  LIMIT_CASES: (p: { max: number }) => `holds more than the ${n(p.max)} cases one bundle may hold, so reading stopped here; split the batch into several bundles`,
  LIMIT_DIRECTORY_SIZE: (p: { sizeBytes: number; maxBytes: number }) =>
    `has a table of contents of ${formatBytes(p.sizeBytes)}, more than the ${formatBytes(p.maxBytes)} a bundle's may be (enough for 200,000 files with long names)`,
  LIMIT_ENTRY_SIZE_DECLARED: (p: { sizeBytes: number; maxBytes: number }) =>
    `says it unpacks to ${formatBytes(p.sizeBytes)}, more than the ${formatBytes(p.maxBytes)} one file of a bundle may hold`,
  LIMIT_ENTRY_SIZE: (p: { maxBytes: number }) => `unpacks to more than ${formatBytes(p.maxBytes)}, more than one file of a bundle may hold`,
  LIMIT_TOTAL_DECLARED: (p: { maxBytes: number }) => `says it unpacks to more than ${formatBytes(p.maxBytes)} in all, more than a bundle may hold`,
  LIMIT_TOTAL: (p: { maxBytes: number }) => `unpacks to more than ${formatBytes(p.maxBytes)} in all, more than a bundle may hold`,
  LIMIT_RATIO: (p: { ratio: number; packedBytes: number }) =>
    `unpacks to more than ${p.ratio} times its packed size of ${formatBytes(p.packedBytes)}: a "zip bomb" that would fill the disk or the memory`,
  LIMIT_BEYOND_DECLARED: (p: { declaredBytes: number }) =>
    `unpacks to more than the ${formatBytes(p.declaredBytes)} the bundle's table of contents says: a sign of a "zip bomb" (or a damaged file)`,

  // entry-name: each rule its own code, in words that say what the name does wrong
  NAME_NOT_UTF8: () => 'has a name that is not valid UTF-8 text, though the bundle marks it as UTF-8',
  NAME_NOT_MARKED_UTF8: (p: { cp437: string }) =>
    `has a name with letters beyond plain English, but the bundle does not mark the name as UTF-8, so some programs read it as shown and others as "${p.cp437}"; bundles must mark such names as UTF-8`,
  NAME_LEGACY_ENCODING: () =>
    'has a name that is not UTF-8 text (perhaps an old character set such as the Korean Windows one), so each program reads it differently; it is shown here as the old DOS character set reads it',
  NAME_UNICODE_PATH: (p: { other: string }) =>
    `carries a second name, "${p.other}", in a "Unicode Path" field that some ZIP programs read instead of the name; a file in a bundle has one name only`,
  NAME_TOO_LONG: (p: { length: number; max: number }) =>
    `has a name ${n(p.length)} bytes long in UTF-8, longer than the ${n(p.max)} bytes a name may have (a Korean letter takes 3 bytes)`,
  NAME_CONTROL_CHARS: (p: { chars: string }) => `contains control characters (${p.chars}), which are invisible and mean different things to different programs`,
  NAME_BIDI_CHARS: (p: { chars: string }) =>
    `contains characters that change the writing direction (${p.chars}), which can make a name look like another one (for example "gpj.exe" shown as "exe.jpg")`,
  NAME_INVISIBLE_CHARS: (p: { chars: string }) => `contains invisible characters (${p.chars}), which can make a name look like another one`,
  NAME_NOT_NFC: (p: { text: string; codePoints: string; nfcCodePoints: string }) =>
    `is not in Unicode NFC form: "${p.text}" is written as ${p.codePoints} instead of ${p.nfcCodePoints}. It looks the same, but other programs may take it for a different name; bundles write names in NFC form`,
  NAME_EMPTY: () => 'has an empty name',
  NAME_BACKSLASH: () => 'contains a backslash (\\); bundles use / between folders, and a backslash could place the file elsewhere on Windows',
  NAME_ABSOLUTE: () => 'is an absolute path (it starts with /); bundle entries must be relative paths',
  NAME_DRIVE_LETTER: () => 'starts with a drive letter (an absolute Windows path); bundle entries must be relative paths',
  NAME_COLON: () => 'contains a colon (:), which Windows does not allow in a name (it would write into a hidden part of another file)',
  NAME_WINDOWS_CHARS: (p: { chars: string }) => `contains ${p.chars}, which Windows does not allow in a name`,
  NAME_DOT_DOT: () => 'contains a ".." folder, which would place the file outside the folder the bundle is unpacked into',
  NAME_EMPTY_SEGMENT: () => 'contains an empty or "." folder name',
  NAME_DEVICE: (p: { part: string; device: string }) =>
    `contains "${p.part}", which Windows keeps for the device ${p.device} (with or without an extension, in any case); Windows cannot save such a file`,
  NAME_TRAILING_DOT: (p: { part: string }) => `contains "${p.part}", which ends in a dot; Windows drops the dot, so the file would get another name there`,
  NAME_TRAILING_SPACE: (p: { part: string }) => `contains "${p.part}", which ends in a space; Windows drops the space, so the file would get another name there`,
  NAME_SYMLINK: () => 'is a symbolic link; a bundle holds only plain files',
  NAME_DUPLICATE: () => 'appears twice in the bundle; each file may appear only once',
  NAME_CASE_COLLISION: (p: { other: string }) => `differs from ${p.other} only in upper/lower case; the two would overwrite each other on Windows and macOS`,
  NAME_CASE_COLLISION_LOOKALIKE: (p: { other: string; codePoints: string; otherCodePoints: string }) =>
    `differs from ${p.other} only in upper/lower case, though the two may look the same: here ${p.codePoints}, there ${p.otherCodePoints}; the two would overwrite each other on Windows and macOS`,

  // manifest
  MANIFEST_BOTH: (p: { plain: string; signed: string }) => `holds both ${p.plain} and ${p.signed}; a bundle has exactly one manifest`,
  MANIFEST_NONE: (p: { plain: string; signed: string }) => `holds neither ${p.plain} nor ${p.signed}, so it is not a case bundle`,
  MANIFEST_PAYLOAD_TYPE: (p: { payloadType: string; expected: string }) => `is "${p.payloadType}", but a bundle manifest must be "${p.expected}"`,
  MANIFEST_PAYLOAD_NOT_BASE64: () => 'is not base64',
  MANIFEST_NOT_UTF8: () => 'is not UTF-8 text',
  MANIFEST_NOT_JSON: (p: { detail: string }) => `is not valid JSON (${p.detail})`,
  MANIFEST_NOT_DSSE: (p: { detail: string }) => `is not a signed manifest (DSSE envelope): ${p.detail}`,
  MANIFEST_INVALID: () => 'is not valid',
  MANIFEST_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `holds the key ${JSON.stringify(p.key)} twice in one object (again at text line ${p.line}, column ${p.column}); ${TWO_READERS}`,
  MANIFEST_PAYLOAD_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `the signed manifest holds the key ${JSON.stringify(p.key)} twice in one object (again at payload line ${p.line}, column ${p.column}); ${TWO_READERS}`,
  MANIFEST_NOT_CANONICAL: (p: CanonicalMismatch) => `the signed manifest is not in its canonical form (RFC 8785): ${canonicalWords(p)}, so two readers could see it differently`,
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
  CASE_LINE_DUPLICATE_KEY: (p: { key: string; column: number }) =>
    `is not a readable case: the key ${JSON.stringify(p.key)} appears twice in one object (again at column ${p.column}); ${TWO_READERS}`,
  DUPLICATE_CASE_ID: (p: { caseId: string; earlierLine: number }) => `${p.caseId} is also the caseId of line ${p.earlierLine}; each case in a bundle needs its own caseId`,
  CASE_ID_CASE_COLLISION: (p: { caseId: string; other: string; earlierLine: number }) =>
    `${p.caseId} differs from ${p.other} (line ${p.earlierLine}) only in upper/lower case; a case id names a folder, and the two would be one folder on Windows and macOS`,
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
  EVIDENCE_IMAGE_TOO_LARGE: (p: { mediaType: string; width: number; height: number; pixels: number; maxPixels: number; line: number; index: number }) =>
    `declares ${n(p.width)} x ${n(p.height)} = ${n(p.pixels)} pixels, more than the ${n(p.maxPixels)} an image may have: a "decoder bomb" that would fill the memory when shown ${evidenceWhere(p)}`,
  EVIDENCE_IMAGE_ZERO_SIZE: (p: { mediaType: string; width: number; height: number; line: number; index: number }) =>
    `declares a size of ${n(p.width)} x ${n(p.height)} pixels; an image without pixels is damaged ${evidenceWhere(p)}`,
  EVIDENCE_IMAGE_NO_SIZE: (p: { mediaType: string; headerBytes: number; line: number; index: number }) =>
    `is damaged or cut short: its width and height cannot be found in its first ${formatBytes(p.headerBytes)}, so it cannot be checked before it is shown ${evidenceWhere(p)}`,
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
