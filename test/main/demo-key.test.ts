/** The demo key in build/demo: the trust file is valid and trusts exactly that key to issue bundles. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { keyIdOfPrivateKeyPem, readPrivateKey } from '../../electron/services/keys';
import { loadTrustFile } from '../../electron/services/trust-file';
import { readBack } from './fixtures/read-helpers';
import { makeTempDir, tinyBundleContent } from './fixtures/tiny-bundle';

describe('build/demo', () => {
  it('holds a demo key pair and a trust file that trusts it as bundle issuer', async () => {
    const trust = loadTrustFile('build/demo/demo-trust.json');
    const privateKeyPem = readPrivateKey('build/demo/demo-issuer.key.pem');
    const keyid = keyIdOfPrivateKeyPem(privateKeyPem);
    expect(trust.keys).toEqual([
      { keyid, name: '데모 사무국 (demo secretariat)', roles: ['bundle-issuer'], publicKeyPem: readFileSync('build/demo/demo-issuer.pub.pem', 'utf8') },
    ]);
    const zip = buildBundleZip(tinyBundleContent(), { privateKeyPem }).zip;
    const dir = makeTempDir();
    try {
      expect((await readBack({ dir: dir.dir, zip }, trust.keys)).report.signature).toEqual({ state: 'trusted', keyid, name: '데모 사무국 (demo secretariat)' });
    } finally {
      dir.remove();
    }
    expect(readFileSync('build/demo/README.md', 'utf8')).toMatch(/Never trust this key for real bundles/);
  });
});
