/**
 * loadDemoCouncil names the demo council; the renderer then imports its bundle, by no path of its
 * own, with importDemoBegin: the built-in demo trust file, signature required, whatever the
 * security settings say.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../electron/services/api-handlers';
import type { AppPaths } from '../../electron/services/app-paths';
import { writeBundleFile } from '../../electron/services/bundle-zip-writer';
import { generateDemoBundleContent } from '../../electron/services/demo-data';
import { NO_DIALOGS } from '../../electron/services/dialog-port';
import { readPrivateKey } from '../../electron/services/keys';
import type { ImportChunk } from '../../shared/bundle-import';
import { DEMO_COUNCIL_NAME, DEMO_MEMBERS } from '../../shared/council';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-demo-handler-');
const root = join(__dirname, '..', '..');

function handlers(demoBundle: string) {
  const paths: AppPaths = { rendererDir: join(dir, 'renderer'), demoBundle, demoTrust: join(root, 'build/demo/demo-trust.json'), userDataDir: join(dir, 'user-data'), fontDir: join(root, 'node_modules/@fontsource/noto-sans-kr') };
  return createApiHandlers({ appVersion: '0.1.0-test', platform: 'linux', paths, dialogs: NO_DIALOGS });
}

describe('loadDemoCouncil', () => {
  it('answers the council name and the members (no path, no bundle contents), and importDemoBegin imports the bundle with the demo trust file', async () => {
    const path = join(dir, 'demo.cdbundle');
    const written = await writeBundleFile(path, await generateDemoBundleContent({ cases: 5, seed: 1015 }), {
      privateKeyPem: readPrivateKey(join(root, 'build/demo/demo-issuer.key.pem')),
    });
    const api = handlers(path);

    const demo = await api.loadDemoCouncil(undefined);
    expect(demo).toEqual({ councilName: DEMO_COUNCIL_NAME, members: DEMO_MEMBERS });
    expect(Object.keys(demo).sort()).toEqual(['councilName', 'members']);
    expect((await api.getAppInfo(undefined)).demoAvailable).toBe(true);

    const begun = await api.importDemoBegin(undefined);
    if (!begun.started) throw new Error(`the demo bundle did not start: ${JSON.stringify(begun.report.errors)}`);
    expect(begun.summary.manifest.bundleId).toBe(written.manifest.bundleId);
    expect(begun.summary.signature).toMatchObject({ state: 'trusted', name: '데모 사무국 (demo secretariat)' });
    let cases = 0;
    let chunk: ImportChunk;
    do {
      chunk = await api.importNext({ importId: begun.importId });
      if (chunk.kind === 'data') cases += chunk.cases.length;
    } while (chunk.kind === 'data');
    expect(chunk.kind).toBe('done');
    expect(chunk.report).toMatchObject({ valid: true, errorCount: 0, caseCount: 5 });
    expect(cases).toBe(5);
  });

  it('refuses with DEMO_MISSING when the demo bundle file is not there', async () => {
    const api = handlers(join(dir, 'nowhere', 'demo.cdbundle'));
    await expect(api.loadDemoCouncil(undefined)).rejects.toMatchObject({ code: 'DEMO_MISSING' });
    await expect(api.importDemoBegin(undefined)).rejects.toMatchObject({ code: 'DEMO_MISSING' });
    expect((await api.getAppInfo(undefined)).demoAvailable).toBe(false);
  });

  it('does not take a folder for the demo bundle', async () => {
    await expect(handlers(dir).loadDemoCouncil(undefined)).rejects.toMatchObject({ code: 'DEMO_MISSING' });
    await expect(handlers(dir).importDemoBegin(undefined)).rejects.toMatchObject({ code: 'DEMO_MISSING' });
  });

  it('checks the demo bundle against the demo trust file even when the user turned signature checks off', async () => {
    const path = join(dir, 'unsigned-demo.cdbundle');
    await writeBundleFile(path, await generateDemoBundleContent({ cases: 2, seed: 7 }));
    const api = createApiHandlers({
      appVersion: '0.1.0-test',
      platform: 'linux',
      paths: { rendererDir: join(dir, 'renderer'), demoBundle: path, demoTrust: join(root, 'build/demo/demo-trust.json'), userDataDir: join(dir, 'user-data-off'), fontDir: join(root, 'node_modules/@fontsource/noto-sans-kr') },
      dialogs: { ...NO_DIALOGS, confirm: async () => true },
    });
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await api.setSecuritySettings({ change: { requireSignature: false } });
    const begun = await api.importDemoBegin(undefined);
    expect(begun.started).toBe(false);
    expect(!begun.started && begun.report.errors.map((p) => p.code)).toContain('UNSIGNED_REFUSED');
  });
});
