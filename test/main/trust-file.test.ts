import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CouncilError } from '../../shared/result';
import { generateKeyPair } from '../../electron/services/keys';
import { loadTrustFile, parseTrustFile, readTrustFile } from '../../electron/services/trust-file';
import { makeTempDir, trustFor } from './fixtures/tiny-bundle';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const keys = [generateKeyPair(), generateKeyPair(), generateKeyPair()];
const goodFile = () => ({
  keys: [trustFor(keys[0]!.publicKeyPem, '정한결', ['chair']), trustFor(keys[1]!.publicKeyPem, '사무국', ['bundle-issuer', 'secretary']), trustFor(keys[2]!.publicKeyPem, '최지아', ['member'])],
});

function errorOf(fn: () => unknown): CouncilError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CouncilError);
    return e as CouncilError;
  }
  throw new Error('expected an error');
}

describe('trust files', () => {
  it('parses a good trust file', () => {
    const parsed = parseTrustFile(JSON.stringify(goodFile()), 'trust.json');
    expect(parsed.keys.map((k) => k.name)).toEqual(['정한결', '사무국', '최지아']);
    expect(parsed.keys[1]!.keyid).toBe(keys[1]!.keyid);
  });

  it('rejects the whole file when one keyid does not match its public key, naming file and path', () => {
    const file = goodFile();
    file.keys[2]!.keyid = keys[0]!.keyid;
    const e = errorOf(() => parseTrustFile(JSON.stringify(file), 'council-trust.json'));
    expect(e.code).toBe('TRUST_FILE_INVALID');
    expect(e.message).toContain(`council-trust.json, keys[2].keyid: does not match its publicKeyPem (whose keyid is ${keys[2]!.keyid})`);
  });

  it('names the JSON path of schema problems', () => {
    const file = goodFile() as { keys: Record<string, unknown>[] };
    file.keys[1]!.roles = ['treasurer'];
    delete file.keys[0]!.name;
    const e = errorOf(() => parseTrustFile(JSON.stringify(file), 'trust.json'));
    expect(e.message).toContain('trust.json, keys[1].roles[0]:');
    expect(e.message).toContain('trust.json, keys[0].name:');
  });

  it('rejects keys that are not Ed25519 public keys, the same key twice, and broken JSON', () => {
    const file = goodFile();
    file.keys[0]!.publicKeyPem = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
    expect(errorOf(() => parseTrustFile(JSON.stringify(file), 't.json')).message).toContain('t.json, keys[0].publicKeyPem: is not a PEM public key');

    const twice = goodFile();
    twice.keys.push({ ...twice.keys[1]!, name: 'again' });
    expect(errorOf(() => parseTrustFile(JSON.stringify(twice), 't.json')).message).toContain('t.json, keys[3]: lists the same key as keys[1]');

    expect(errorOf(() => parseTrustFile('{"keys": [', 't.json')).message).toMatch(/t\.json: is not valid JSON/);
  });

  it('loads a trust file from disk, with a clear error when it is missing', () => {
    const t = makeTempDir();
    cleanups.push(t.remove);
    const path = join(t.dir, 'trust.json');
    writeFileSync(path, JSON.stringify(goodFile(), null, 2));
    expect(loadTrustFile(path).keys).toHaveLength(3);
    expect(errorOf(() => loadTrustFile(join(t.dir, 'none.json'))).message).toMatch(/trust file not found: .*none\.json/);
  });

  it('reads a trust file without blocking (the main process\'s way), with the same checks and errors', async () => {
    const t = makeTempDir();
    cleanups.push(t.remove);
    const path = join(t.dir, 'trust.json');
    writeFileSync(path, JSON.stringify(goodFile(), null, 2));
    expect((await readTrustFile(path)).keys).toHaveLength(3);
    await expect(readTrustFile(join(t.dir, 'none.json'))).rejects.toMatchObject({ code: 'TRUST_FILE_INVALID', message: expect.stringMatching(/trust file not found: .*none\.json/) });
    writeFileSync(path, '{"keys": [');
    await expect(readTrustFile(path)).rejects.toMatchObject({ code: 'TRUST_FILE_INVALID', message: expect.stringMatching(/trust\.json: is not valid JSON/) });
  });
});
