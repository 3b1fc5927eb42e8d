/**
 * What can be wrong with a signed JSON file (a decision file, a minutes attestation) as a file, as
 * a DSSE envelope and as signed JSON, before its own schema: one set of sentences, each kind of
 * file with codes of its own (DECISION_FILE_NOT_JSON, MINUTES_FILE_NOT_JSON) and its own nouns, so
 * a screen can translate a code and a program can tell the files apart.
 */
import { canonicalWords, type CanonicalMismatch } from '../../../shared/json/canonical-form';
import { codedMessages, type CodedMessage, type ProblemParams } from '../../../shared/problems/problem';

type Detail = { detail: string };
type Duplicate = { key: string; line: number; column: number };
type KeyidPair = { named: string; signedBy: string };

/** The problems of every signed JSON file, by kind (the code is the kind after the file's prefix). */
interface SignedFileShapes {
  FILE_NOT_FOUND: () => string;
  FILE_UNREADABLE: (p: Detail) => string;
  FILE_TOO_LARGE: (p: { sizeBytes: number; maxBytes: number }) => string;
  FILE_NOT_JSON: (p: Detail) => string;
  FILE_DUPLICATE_KEY: (p: Duplicate) => string;
  // the DSSE envelope, one code for each way its verification fails (the detail says how)
  NOT_ENVELOPE: (p: Detail) => string;
  PAYLOAD_NOT_BASE64: (p: Detail) => string;
  PAYLOAD_TYPE: (p: Detail) => string;
  SIGNATURE_BAD: (p: Detail) => string;
  SIGNER_ROLE_NOT_ALLOWED: (p: Detail) => string;
  SIGNATURE_UNTRUSTED: (p: Detail) => string;
  BASE64_NOT_CANONICAL: () => string;
  SIGNATURE_KEYID: (p: KeyidPair) => string;
  // the payload
  PAYLOAD_NOT_JSON: (p: Detail) => string;
  PAYLOAD_DUPLICATE_KEY: (p: Duplicate) => string;
  PAYLOAD_NOT_CANONICAL: (p: CanonicalMismatch) => string;
}

export type SignedFileKind = keyof SignedFileShapes;

/** A family's templates: each kind under its prefix (DECISION_FILE_NOT_FOUND). */
export type SignedFileTemplates<P extends string> = { [K in SignedFileKind as `${P}_${K}`]: SignedFileShapes[K] };

/** The coded message of a kind, in the family of the file being read. */
export type SignedFileWords = <K extends SignedFileKind>(kind: K, ...params: Parameters<SignedFileShapes[K]>) => CodedMessage;

export interface SignedFileNouns {
  /** What the file is, after "is not" and "too large for": "a decision file". */
  file: string;
  /** What was signed, as a sentence's subject: "the signed decisions". */
  content: string;
  /** Whether `content` is plural ("hold", "are") or not ("holds", "is"). */
  plural: boolean;
  /** What two readers could see: "two different decisions". */
  two: string;
}

function shapes(n: SignedFileNouns): SignedFileShapes {
  const twoReaders = `JSON readers disagree on which of the two counts, so two readers could see ${n.two}`;
  const [holds, is, them] = n.plural ? ['hold', 'are', 'them'] : ['holds', 'is', 'it'];
  const detail = (p: Detail) => p.detail;
  return {
    FILE_NOT_FOUND: () => 'cannot be opened: there is no such file',
    FILE_UNREADABLE: (p) => `cannot be read (${p.detail})`,
    FILE_TOO_LARGE: (p) => `is ${p.sizeBytes.toLocaleString('en-US')} bytes, too large for ${n.file} (at most ${p.maxBytes.toLocaleString('en-US')} bytes are read)`,
    FILE_NOT_JSON: (p) => `is not ${n.file}: not UTF-8 JSON (${p.detail})`,
    FILE_DUPLICATE_KEY: (p) => `holds the key ${JSON.stringify(p.key)} twice in one object (again at text line ${p.line}, column ${p.column}); ${twoReaders}`,
    NOT_ENVELOPE: detail,
    PAYLOAD_NOT_BASE64: detail,
    PAYLOAD_TYPE: detail,
    SIGNATURE_BAD: detail,
    SIGNER_ROLE_NOT_ALLOWED: detail,
    SIGNATURE_UNTRUSTED: detail,
    BASE64_NOT_CANONICAL: () =>
      'is not base64 in its one canonical form (its last character sets bits that encode nothing), so the same signed bytes could be written in several ways',
    SIGNATURE_KEYID: (p) => `names key ${p.named}, but the signature is by key ${p.signedBy}: the envelope was changed after signing`,
    PAYLOAD_NOT_JSON: (p) => `is not UTF-8 JSON (${p.detail})`,
    PAYLOAD_DUPLICATE_KEY: (p) => `${n.content} ${holds} the key ${JSON.stringify(p.key)} twice in one object (again at payload line ${p.line}, column ${p.column}); ${twoReaders}`,
    PAYLOAD_NOT_CANONICAL: (p) => `${n.content} ${is} not in ${n.plural ? 'their' : 'its'} canonical form (RFC 8785): ${canonicalWords(p)}, so two readers could see ${them} differently`,
  };
}

/** A kind of signed file's templates, under its prefix, and the words the shared checks speak with. */
export function signedFileFamily<P extends string>(prefix: P, nouns: SignedFileNouns): { templates: SignedFileTemplates<P>; words: SignedFileWords } {
  const templates = Object.fromEntries(Object.entries(shapes(nouns)).map(([kind, template]) => [`${prefix}_${kind}`, template])) as SignedFileTemplates<P>;
  const make = codedMessages(templates as Record<string, (p: ProblemParams) => string>) as (code: string, params?: ProblemParams) => CodedMessage;
  const words: SignedFileWords = (kind, ...params) => make(`${prefix}_${kind}`, params[0] as ProblemParams | undefined);
  return { templates, words };
}
