/**
 * Serves the built renderer's files by URL path, refusing anything outside its folder.
 * Used by the app:// protocol in Electron and by the end-to-end tests' loopback server.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The file for a URL path ("/index.html", "/assets/x.js"), or null when it is not inside root. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const base = path.resolve(root);
  return resolved.startsWith(base + path.sep) ? resolved : null;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
  const file = resolveStaticPath(root, urlPath);
  if (file === null) return { status: 403, headers: { ...headers, 'content-type': 'text/plain' }, body: new TextEncoder().encode('forbidden') };
  try {
    const body = await readFile(file);
    const type = MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...headers, 'content-type': type }, body };
  } catch {
    return { status: 404, headers: { ...headers, 'content-type': 'text/plain' }, body: new TextEncoder().encode('not found') };
  }
}
