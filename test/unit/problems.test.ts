/**
 * One problem type, one formatter, one wording of schema issues (shared/problems/): the bundle
 * reader, the trust file and `council-desk verify` say the same thing the same way, and the codes
 * of one family never mean something else in another (the renderer's import refusals included).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { formatProblem } from '../../shared/problems/problem-format';
import { SCHEMA_TEMPLATES, wordIssues } from '../../shared/problems/zod-wording';
import { trustFileSchema } from '../../shared/schemas/trust-file';
import { BundleInvalidError } from '../../electron/services/bundle-problems';
import { reportText } from '../../electron/services/bundle-reader';
import { PROBLEM_CODES } from '../../electron/services/bundle-reader/problem-codes';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { loadTrustFile, parseTrustFile, TRUST_FILE_TEMPLATES, TrustFileInvalidError } from '../../electron/services/trust-file';
import { PAYLOAD_TEMPLATES } from '../../shared/decisions/payload-problems';
import { DECISION_FILE_TEMPLATES } from '../../electron/services/decision-files/decision-file-problems';
import { MINUTES_TEMPLATES } from '../../electron/services/minutes/minutes-problems';
import { verifyDecisionFile } from '../../electron/services/decision-files/verify-decision-file';
import { VERIFY_TEMPLATES } from '../../electron/cli/verify-problems';
import { verifyText } from '../../electron/cli/verify-result';
import { IMPORT_CASE_COUNT_MISMATCH, IMPORT_EVIDENCE_MISSING, IMPORT_REFUSAL_CODES } from '../../renderer/bundles/import/import-outcome';
import { pack, tinyParts, writeInto } from '../main/fixtures/bundle-parts';
import { bundleFolder, readZip } from '../main/fixtures/read-helpers';
import { bytesOf, trustFor } from '../main/fixtures/tiny-bundle';
import { samplePayload } from '../support/decision-payloads';

const dir = bundleFolder('council-desk-problems-');
const chair = generateKeyPair();
const chairKey = trustFor(chair.publicKeyPem, '의장 김의장', ['chair']);

/** The trust file's problems for `file` (it must be invalid). */
function trustProblems(file: unknown) {
  try {
    parseTrustFile(JSON.stringify(file), 'trust.json');
  } catch (e) {
    expect(e).toBeInstanceOf(TrustFileInvalidError);
    return { problems: (e as TrustFileInvalidError).problems, message: (e as Error).message };
  }
  throw new Error('expected the trust file to be invalid');
}

/** The manifest's problems for a tiny bundle changed by `edit`. */
async function manifestProblems(edit: (manifest: Record<string, any>) => void) {
  const parts = tinyParts();
  edit(parts.manifest);
  return (await readZip(dir, pack(parts))).errors;
}

/** verify's problems for a decision file of a right payload with `overrides`, signed by the chair. */
async function decisionProblems(overrides: Record<string, unknown>) {
  const payload = { ...samplePayload({ keyid: chair.keyid }), ...overrides };
  const path = writeInto(dir, `decisions-${Math.random().toString(36).slice(2)}.dsse.json`, bytesOf(JSON.stringify(signEnvelope(PAYLOAD_TYPE_DECISIONS, payload, chair.privateKeyPem))));
  return { path, result: await verifyDecisionFile(path, [chairKey]) };
}

const byPath = (problems: readonly { path: string }[], path: string) => problems.find((p) => p.path === path);

describe('the one problem format', () => {
  it('writes file, line, path and message one way, leaving out what is not there', () => {
    expect(formatProblem({ file: 'cases.ndjson', line: 12, path: 'business.registrationNo', message: 'must be a 10-digit number' })).toBe('cases.ndjson line 12, business.registrationNo: must be a 10-digit number');
    expect(formatProblem({ file: 'manifest.json', line: null, path: 'title', message: 'is missing' })).toBe('manifest.json, title: is missing');
    expect(formatProblem({ file: 'a.cdbundle', line: null, path: '', message: 'is not a ZIP file' })).toBe('a.cdbundle: is not a ZIP file');
    expect(formatProblem({ file: 'cases.ndjson', line: 3, path: '', message: '이 줄이 비어 있습니다.' }, { line: (n) => `${n}행` })).toBe('cases.ndjson 3행: 이 줄이 비어 있습니다.');
  });

  it('is what the reader\'s report, a bundle refused by the writer, a trust file and verify print', async () => {
    const errors = await manifestProblems((m) => delete m.title);
    expect(errors).toHaveLength(1);
    const line = formatProblem(errors[0]!);
    expect(line).toBe('manifest.json, title: is missing');
    expect(reportText({ valid: false, fileName: 'b.cdbundle', bundleId: null, caseCount: null, signedBy: null, signature: null, errors, warnings: [], errorCount: 1 })).toContain(`\n    ${line}\n`);
    expect(new BundleInvalidError('b.cdbundle', errors).message).toBe(`b.cdbundle is not a valid bundle:\n${line}`);

    const trust = trustProblems({ keys: [{ ...chairKey, name: undefined }] });
    expect(trust.message).toBe(`trust file is invalid:\n${trust.problems.map((p) => formatProblem(p)).join('\n')}`);
    expect(trust.message).toContain('trust.json, keys[0].name: is missing');

    const { path, result } = await decisionProblems({ sequence: 'one' });
    expect(result.errors.map((p) => formatProblem(p))).toEqual([`${path}, sequence: must be a number`]);
    expect(verifyText({ ...result, kind: 'decisions', warnings: [] })).toContain(`\n  ${path}, sequence: must be a number\n`);
  });
});

describe('the one wording of schema issues', () => {
  it('words a bad field of a trust file, a bundle manifest and a decision file the same way', async () => {
    const trust = trustProblems({ keys: [{ ...chairKey, name: 5, nickname: 'x', roles: undefined }] });
    const manifest = await manifestProblems((m) => {
      m.title = 5;
      m.nickname = 'x';
      delete m.issuer;
    });
    const decision = (await decisionProblems({ council: 5, nickname: 'x', auditHead: undefined })).result.errors;

    const wrongType = { code: 'SCHEMA', params: { detail: 'must be text' }, message: 'must be text' };
    expect(byPath(trust.problems, 'keys[0].name')).toMatchObject(wrongType);
    expect(byPath(manifest, 'title')).toMatchObject(wrongType);
    expect(byPath(decision, 'council')).toMatchObject(wrongType);

    const unknown = { code: 'FIELD_UNKNOWN', params: {}, message: SCHEMA_TEMPLATES.FIELD_UNKNOWN() };
    expect(byPath(trust.problems, 'keys[0].nickname')).toMatchObject(unknown);
    expect(byPath(manifest, 'nickname')).toMatchObject(unknown);
    expect(byPath(decision, 'nickname')).toMatchObject(unknown);

    const missing = { code: 'FIELD_MISSING', params: {}, message: 'is missing' };
    expect(byPath(trust.problems, 'keys[0].roles')).toMatchObject(missing);
    expect(byPath(manifest, 'issuer')).toMatchObject(missing);
    expect(byPath(decision, 'auditHead')).toMatchObject(missing);
  });

  it('gives a trust file the wording, not zod\'s own words', () => {
    const file = { keys: [{ ...chairKey, roles: ['treasurer'] }] };
    const { problems } = trustProblems(file);
    const parsed = trustFileSchema.safeParse(file);
    if (parsed.success) throw new Error('expected schema issues');
    expect(problems.map(({ path, code, params, message }) => ({ path, code, params, message }))).toEqual(wordIssues(parsed.error.issues, file));
    expect(problems[0]).toMatchObject({ file: 'trust.json', line: null, path: 'keys[0].roles[0]', message: 'must be one of "bundle-issuer", "chair", "secretary", "member"' });
    expect(problems.some((p) => /^(Invalid|Too |Unrecognized)/.test(p.message))).toBe(false);
  });
});

describe('problem codes', () => {
  it('gives the renderer\'s import refusals names of their own, none of them a reader code', () => {
    expect(IMPORT_EVIDENCE_MISSING).toBe('IMPORT_EVIDENCE_MISSING');
    expect(IMPORT_CASE_COUNT_MISMATCH).toBe('IMPORT_CASE_COUNT_MISMATCH');
    expect(PROBLEM_CODES).toEqual(expect.arrayContaining(['EVIDENCE_MISSING', 'CASE_COUNT_MISMATCH']));
    expect(IMPORT_REFUSAL_CODES.filter((code) => (PROBLEM_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('keeps the codes of the reader, the trust file, verify and the import refusals apart; only the schema codes are shared, with one sentence', () => {
    const schema = new Set(Object.keys(SCHEMA_TEMPLATES));
    const families = {
      reader: PROBLEM_CODES.filter((code) => !schema.has(code)),
      trust: Object.keys(TRUST_FILE_TEMPLATES),
      verify: Object.keys(VERIFY_TEMPLATES),
      'decision file': Object.keys(DECISION_FILE_TEMPLATES),
      'minutes attestation': Object.keys(MINUTES_TEMPLATES),
      'decision payload': Object.keys(PAYLOAD_TEMPLATES),
      refusals: [...IMPORT_REFUSAL_CODES],
      schema: [...schema],
    };
    const seen = new Map<string, string>();
    for (const [family, codes] of Object.entries(families)) {
      for (const code of codes) {
        expect(seen.get(code), `${code} is a ${seen.get(code)} code and a ${family} code`).toBeUndefined();
        seen.set(code, family);
      }
    }
    expect([...schema].every((code) => (PROBLEM_CODES as readonly string[]).includes(code))).toBe(true);
  });
});

describe('a trust file that cannot be read', () => {
  it('is a problem naming the file, and the error says so as before', () => {
    const missing = join(dir, 'none.json');
    const error = (() => {
      try {
        loadTrustFile(missing);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(TrustFileInvalidError);
    expect((error as Error).message).toBe(`trust file not found: ${missing}`);
    expect((error as TrustFileInvalidError).problems).toEqual([{ file: missing, line: null, path: '', code: 'TRUST_FILE_NOT_FOUND', params: {}, message: 'cannot be opened: there is no such file' }]);
  });
});
