/**
 * Who may talk to browser mode's server: only the page this run opened. Every request must name
 * the server by its loopback address (a wrong Host is DNS rebinding), come from no other origin
 * or site, and carry this run's token: in the URL (the first request), in the HttpOnly cookie
 * that request sets (scripts, styles, fonts, the pdf.js worker, a reload), or, for API calls, in
 * the token header. Tokens are compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER } from './http-bridge';

/** The URL parameter the first request carries the token in. */
export const TOKEN_PARAM = 'token';

/** A fresh token for one run: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Equal tokens, compared in constant time (both hashed first, so lengths do not show either). */
export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The cookie's name holds the port: cookies are kept per host, not per port. */
export function cookieName(port: number): string {
  return `council-desk-${port}`;
}

export function cookieValue(headers: IncomingHttpHeaders, name: string): string | null {
  for (const part of (headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** The cookie the first, token-bearing request sets: not readable by scripts, not sent cross-site. */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Why a request is refused before its token is looked at, or null when its Host and Origin are right. */
export function refuseByOrigin(headers: IncomingHttpHeaders, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) return `wrong Host "${headers.host ?? ''}"`;
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return `wrong Origin "${origin}"`;
  // Sent by browsers: 'none' for an address opened by the user, 'same-origin' for the page's own requests.
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `a ${site} request`;
  return null;
}

export type TokenCheck = { ok: true; fromUrl: boolean } | { ok: false; reason: string };

/** An API call: the token header, and nothing else. */
export function checkApiToken(headers: IncomingHttpHeaders, token: string): TokenCheck {
  const given = headers[TOKEN_HEADER];
  if (given === undefined) return { ok: false, reason: 'no token' };
  return tokensMatch(token, Array.isArray(given) ? given[0] : given) ? { ok: true, fromUrl: false } : { ok: false, reason: 'wrong token' };
}

/** A file the browser loads: the token in the URL, or else the cookie. */
export function checkFileToken(headers: IncomingHttpHeaders, url: URL, token: string, port: number): TokenCheck {
  const inUrl = url.searchParams.get(TOKEN_PARAM);
  if (inUrl !== null) return tokensMatch(token, inUrl) ? { ok: true, fromUrl: true } : { ok: false, reason: 'wrong token' };
  const inCookie = cookieValue(headers, cookieName(port));
  if (inCookie === null) return { ok: false, reason: 'no token' };
  return tokensMatch(token, inCookie) ? { ok: true, fromUrl: false } : { ok: false, reason: 'wrong token (an earlier run\'s?)' };
}
