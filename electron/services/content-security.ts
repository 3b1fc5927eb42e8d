/**
 * The security baseline's fixed values, in one place so main.ts, the app:// protocol, the
 * end-to-end server and the tests all use the same ones.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'council-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** No remote content, no inline script or style, no plugins, no forms posting anywhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the app's own top frame may call the API. */
export function isAppMainFrameUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The permissions the app's own page is granted; every other one, and any from elsewhere, is
 * refused. Persistent storage only: Chromium then never clears the app's IndexedDB (the cases,
 * the evidence, the votes) to make room on a full disk.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/** Whether `permission`, asked by the page at `requestingUrl` (a URL or an origin), is granted. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppMainFrameUrl(requestingUrl);
}
