/**
 * Who may talk to browser mode's server: only the page this run opened. Every request must name
 * the server by its loopback address (a wrong Host is DNS rebinding), come from no other origin
 * or site, and carry this run's token: in the page's URL, in the HttpOnly cookie the page's
 * request sets (scripts, styles, fonts, the pdf.js worker, a reload), or, for API calls, in the
 * token header. Tokens are compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER } from './http-bridge';

/** The URL parameter the first request carries the token in. */
export const TOKEN_PARAM = 'token';

/** A fresh token: 256 random bits. */
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

export type TokenCheck = { ok: true } | { ok: false; reason: string };

/** An API call: the token header, and nothing else. */
export function checkApiToken(headers: IncomingHttpHeaders, token: string): TokenCheck {
  const given = headers[TOKEN_HEADER];
  if (given === undefined) return { ok: false, reason: 'no token' };
  return tokensMatch(token, Array.isArray(given) ? given[0] : given) ? { ok: true } : { ok: false, reason: 'wrong token' };
}

/** What to do with a request for a file (the page, its scripts, styles, fonts, the pdf.js worker). */
export type FileDecision =
  | { kind: 'serve'; setCookie: boolean }
  /** To the page's address with the run's token, setting the cookie when it is not there yet. */
  | { kind: 'redirect'; setCookie: boolean }
  | { kind: 'refuse'; reason: string };

export interface RunTokens {
  /** The run's token: the cookie's value and the API header's, and in the page's address after the start. */
  token: string;
  /** The start address's token, printed and passed to the browser: good for one start only. */
  launchToken: string;
  launchUsed: boolean;
}

/**
 * A file request, by the token in its URL or else the cookie. The start address carries the
 * launch token, which anyone who can list processes sees in the browser's command line: it is
 * good once, for the page, and is swapped for the run's token there (redirect + cookie). A reload
 * has no token in its address (the page stripped it) and is sent to the address with the token.
 */
export function decideFileRequest(headers: IncomingHttpHeaders, url: URL, isPage: boolean, run: RunTokens, port: number): FileDecision {
  const inUrl = url.searchParams.get(TOKEN_PARAM);
  const inCookie = cookieValue(headers, cookieName(port));
  const cookieOk = tokensMatch(run.token, inCookie);
  if (inUrl !== null) {
    if (tokensMatch(run.token, inUrl)) return { kind: 'serve', setCookie: !cookieOk };
    if (!tokensMatch(run.launchToken, inUrl)) return { kind: 'refuse', reason: 'wrong token' };
    if (!isPage) return { kind: 'refuse', reason: 'the start token is for the page only' };
    if (!run.launchUsed) {
      run.launchUsed = true;
      return { kind: 'redirect', setCookie: true };
    }
    if (cookieOk) return { kind: 'redirect', setCookie: false };
    return { kind: 'refuse', reason: 'the start address was used already; use the window it opened, or start Council Desk again' };
  }
  if (inCookie === null) return { kind: 'refuse', reason: 'no token' };
  if (!cookieOk) return { kind: 'refuse', reason: "wrong token (an earlier run's?)" };
  return isPage ? { kind: 'redirect', setCookie: false } : { kind: 'serve', setCookie: false };
}
