import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from '../../electron/cli/run';
import { keyIdOfPrivateKeyPem, keyIdOfPublicKeyPem } from '../../electron/services/keys';
import { readBack } from './fixtures/read-helpers';
import { makeTempDir, tinyBundleContent, trustFor } from './fixtures/tiny-bundle';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function temp(): string {
  const t = makeTempDir('council-desk-cli-');
  cleanups.push(t.remove);
  return t.dir;
}

async function cli(argv: string[], deps: CliDeps = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, deps);
  return { status, stdout, stderr };
}

/** Stands in for the demo data generator; records what it was asked for. */
function fakeGenerator() {
  const calls: { cases: number; seed: number }[] = [];
  const deps: CliDeps = {
    generateDemoBundleContent: async (opts) => {
      calls.push(opts);
      return tinyBundleContent();
    },
  };
  return { calls, deps };
}

describe('council-desk keygen', () => {
  it('writes the key pair and prints the keyid (exit 0)', async () => {
    const dir = join(temp(), 'keys');
    const r = await cli(['keygen', '--out', dir, '--name', 'chair']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const keyid = r.stdout.trim();
    expect(keyIdOfPublicKeyPem(readFileSync(join(dir, 'chair.pub.pem'), 'utf8'))).toBe(keyid);
    expect(keyIdOfPrivateKeyPem(readFileSync(join(dir, 'chair.key.pem'), 'utf8'))).toBe(keyid);
    expect(statSync(join(dir, 'chair.key.pem')).mode & 0o777).toBe(0o600);
    expect(r.stderr).toContain('chair.key.pem (private: keep it secret');
  });

  it('exits 1 rather than overwrite a key', async () => {
    const dir = temp();
    expect((await cli(['keygen', '--out', dir, '--name', 'chair'])).status).toBe(0);
    const before = readFileSync(join(dir, 'chair.key.pem'), 'utf8');
    const r = await cli(['keygen', '--out', dir, '--name', 'chair']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/council-desk keygen: .*chair\.key\.pem already exists; refusing to overwrite/);
    expect(readFileSync(join(dir, 'chair.key.pem'), 'utf8')).toBe(before);
  });

  it('exits 2 with a usage message for a missing flag, an unknown flag or a stray argument', async () => {
    const missing = await cli(['keygen', '--out', temp()]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('council-desk keygen: --name is required');
    expect(missing.stderr).toContain('Usage: council-desk keygen --out DIR --name NAME');

    const unknown = await cli(['keygen', '--out', temp(), '--name', 'a', '--force']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --force');

    const stray = await cli(['keygen', 'extra', '--out', temp(), '--name', 'a']);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('unexpected argument extra');

    const noValue = await cli(['keygen', '--name', 'a', '--out']);
    expect(noValue.status).toBe(2);
    expect(noValue.stderr).toContain('council-desk keygen: option --out needs a value');
  });
});

describe('council-desk make-demo-bundle', () => {
  it('writes a signed bundle and prints a one-line summary (exit 0)', async () => {
    const dir = temp();
    const keyid = (await cli(['keygen', '--out', dir, '--name', 'sec'])).stdout.trim();
    const out = join(dir, 'out', 'demo.cdbundle');
    const { calls, deps } = fakeGenerator();
    const r = await cli(['make-demo-bundle', '--out', out, '--cases', '3', '--seed', '7', '--sign-key', join(dir, 'sec.key.pem')], deps);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(calls).toEqual([{ cases: 3, seed: 7 }]);
    const size = statSync(out).size;
    expect(r.stdout).toBe(`wrote ${out}: 3 cases, 5 files, ${size} bytes, signed by ${keyid}\n`);
    const trust = [trustFor(readFileSync(join(dir, 'sec.pub.pem'), 'utf8'))];
    expect((await readBack(out, trust)).report.signature).toMatchObject({ state: 'trusted', keyid });
  });

  it('runs the real demo data generator: same seed, same bytes; the bundle reads back trusted', async () => {
    const dir = temp();
    const keyid = (await cli(['keygen', '--out', dir, '--name', 'sec'])).stdout.trim();
    const args = ['--cases', '12', '--seed', '7', '--sign-key', join(dir, 'sec.key.pem')];
    const a = await cli(['make-demo-bundle', '--out', join(dir, 'a.cdbundle'), ...args]);
    const b = await cli(['make-demo-bundle', '--out', join(dir, 'b.cdbundle'), ...args]);
    expect([a.status, b.status, a.stderr]).toEqual([0, 0, '']);
    expect(a.stdout).toMatch(new RegExp(`: 12 cases, \\d+ files, \\d+ bytes, signed by ${keyid}\n$`));
    expect(readFileSync(join(dir, 'a.cdbundle')).equals(readFileSync(join(dir, 'b.cdbundle')))).toBe(true);
    const trust = [trustFor(readFileSync(join(dir, 'sec.pub.pem'), 'utf8'))];
    const bundle = await readBack(join(dir, 'a.cdbundle'), trust);
    expect(bundle.report.errors).toEqual([]);
    expect(bundle.cases).toHaveLength(12);
    expect(bundle.evidence.size).toBeGreaterThan(0);
    expect(bundle.report.signature).toMatchObject({ state: 'trusted', keyid });
  });

  it('uses 60 cases and seed 1015 by default, and writes an unsigned bundle without a key', async () => {
    const out = join(temp(), 'demo.cdbundle');
    const { calls, deps } = fakeGenerator();
    const r = await cli(['make-demo-bundle', '--out', out], deps);
    expect(r.status).toBe(0);
    expect(calls).toEqual([{ cases: 60, seed: 1015 }]);
    expect(r.stdout).toMatch(/, unsigned\n$/);
    expect((await readBack(out)).report.signature).toEqual({ state: 'unsigned' });
  });

  it('exits 2 for bad numbers and a missing --out, before generating anything', async () => {
    const { calls, deps } = fakeGenerator();
    for (const argv of [
      ['make-demo-bundle', '--out', 'x.cdbundle', '--cases', 'ten'],
      ['make-demo-bundle', '--out', 'x.cdbundle', '--cases', '0'],
      ['make-demo-bundle', '--out', 'x.cdbundle', '--cases', '-5'],
      ['make-demo-bundle', '--out', 'x.cdbundle', '--seed', '1.5'],
      ['make-demo-bundle', '--cases', '5'],
    ]) {
      const r = await cli(argv, deps);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: council-desk make-demo-bundle --out FILE');
    }
    expect((await cli(['make-demo-bundle', '--out', 'x', '--cases', 'ten'], deps)).stderr).toContain('--cases must be a whole number from 1 to 20000, not "ten"');
    expect(calls).toEqual([]);
    expect(existsSync('x.cdbundle')).toBe(false);
  });

  it('accepts up to 20,000 cases and refuses more with a usage error (exit 2), before generating anything', async () => {
    const { calls, deps } = fakeGenerator();
    for (const n of ['20001', '100000', '99999999999999999999']) {
      const r = await cli(['make-demo-bundle', '--out', 'x.cdbundle', '--cases', n], deps);
      expect(r.status, n).toBe(2);
      expect(r.stderr).toContain(`council-desk make-demo-bundle: --cases must be at most 20,000 (each case holds about 13 KB of evidence in memory until the bundle is written), not ${n}\n`);
      expect(r.stderr).toContain('Usage: council-desk make-demo-bundle --out FILE');
    }
    expect(calls).toEqual([]);
    expect(existsSync('x.cdbundle')).toBe(false);

    const out = join(temp(), 'demo.cdbundle');
    const most = await cli(['make-demo-bundle', '--out', out, '--cases', '20000'], deps);
    expect(most.status).toBe(0);
    expect(calls).toEqual([{ cases: 20000, seed: 1015 }]);
  });

  it('exits 1 when the signing key is missing or not a private key, writing nothing', async () => {
    const dir = temp();
    const out = join(dir, 'demo.cdbundle');
    const { deps } = fakeGenerator();
    const missing = await cli(['make-demo-bundle', '--out', out, '--sign-key', join(dir, 'none.key.pem')], deps);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/private key file not found: .*none\.key\.pem/);

    await cli(['keygen', '--out', dir, '--name', 'sec']);
    const publicOnly = await cli(['make-demo-bundle', '--out', out, '--sign-key', join(dir, 'sec.pub.pem')], deps);
    expect(publicOnly.status).toBe(1);
    expect(publicOnly.stderr).toContain('sec.pub.pem is a public key');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 when the generated content is not a valid bundle', async () => {
    const out = join(temp(), 'demo.cdbundle');
    const broken: CliDeps = {
      generateDemoBundleContent: async () => {
        const content = tinyBundleContent();
        content.cases[1]!.claimedLoss = -1;
        return content;
      },
    };
    const r = await cli(['make-demo-bundle', '--out', out], broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cases.ndjson line 2, claimedLoss: must not be negative');
    expect(existsSync(out)).toBe(false);
  });
});

describe('council-desk usage', () => {
  it('prints help for every command of FORMATS.md (exit 0), all of them built', async () => {
    const r = await cli(['--help']);
    expect(r.status).toBe(0);
    for (const synopsis of [
      'keygen --out DIR --name NAME',
      'make-demo-bundle --out FILE [--cases N] [--seed S] [--sign-key PEM]',
      'validate BUNDLE [--trust FILE] [--require-signature] [--json]',
      'suggest BUNDLE... [--trust FILE] [--json] [--lang en|ko]',
      'verify FILE... (--trust FILE or --key PEM) [--folder DIR] [--json]',
    ]) {
      expect(r.stdout).toContain(synopsis);
    }
    expect(r.stdout).not.toContain('NOT AVAILABLE');
    expect(r.stdout).toContain('Exit status: 0 success, 1 the input is invalid or does not verify, 2 wrong usage.');

    expect(r.stdout).toContain('at most\n      20,000 cases, as each holds about 13 KB of evidence in memory');
    const demo = await cli(['make-demo-bundle', '--help']);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('20,000 cases');

    const one = await cli(['keygen', '--help']);
    expect(one.status).toBe(0);
    expect(one.stdout).toBe('Usage: council-desk keygen --out DIR --name NAME\n      Writes NAME.key.pem (private, mode 0600) and NAME.pub.pem into DIR; prints the keyid.\n');
  });

  it('exits 2 for no command, an unknown command, and a command without its arguments', async () => {
    const none = await cli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: council-desk <command> [options]');

    const unknown = await cli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('council-desk: unknown command "frobnicate"');

    const bare = await cli(['suggest']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('council-desk suggest: missing BUNDLE');
  });
});

