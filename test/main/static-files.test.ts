import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from '../../electron/services/static-files';

const root = mkdtempSync(path.join(tmpdir(), 'cd-static-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');

describe('the renderer file server', () => {
  it('serves index.html for / and files under the root with their media type and the CSP', async () => {
    const index = await readStaticFile(root, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    const js = await readStaticFile(root, '/assets/app.js?v=1');
    expect(new TextDecoder().decode(js.body)).toBe('console.log(1)');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths that climb out of the root, encoded or not', async () => {
    for (const p of ['/../secret', '/%2e%2e/secret', '/assets/..%2f..%2fsecret', '/..\\secret', '/%00', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, p)).toBeNull();
    }
    expect((await readStaticFile(root, '/../../etc/passwd')).status).toBe(403);
    expect((await readStaticFile(root, '/missing.js')).status).toBe(404);
  });
});
