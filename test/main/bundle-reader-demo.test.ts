/** The real demo bundle, signed by the demo key, passes every check against the demo trust file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/services/bundle-reader';
import { writeBundleFile } from '../../electron/services/bundle-zip-writer';
import { generateDemoBundleContent } from '../../electron/services/demo-data';
import { readPrivateKey } from '../../electron/services/keys';
import { loadTrustFile } from '../../electron/services/trust-file';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-demo-');
const root = join(__dirname, '..', '..');

describe('the demo bundle', () => {
  it('validates with the demo trust file and reports who signed it', async () => {
    const path = join(dir, 'demo.cdbundle');
    const written = await writeBundleFile(path, await generateDemoBundleContent({ cases: 60, seed: 1015 }), {
      privateKeyPem: readPrivateKey(join(root, 'build/demo/demo-issuer.key.pem')),
    });
    const trust = loadTrustFile(join(root, 'build/demo/demo-trust.json')).keys;
    let cases = 0;
    const evidence = new Set<string>();
    const report = await readBundle(path, {
      trust,
      requireSignature: true,
      onCase: () => void (cases += 1),
      onEvidencePiece: (p) => void (p.last && evidence.add(p.file)),
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report).toMatchObject({ valid: true, bundleId: written.manifest.bundleId, caseCount: 60, errorCount: 0 });
    expect(report.signedBy).toEqual({ keyid: trust[0]!.keyid, name: '데모 사무국 (demo secretariat)' });
    expect(cases).toBe(60);
    expect(evidence.size).toBe(written.fileCount - 1);
  });
});
