import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';

export const SESSION_COOKIE = 'rpm_session';

/** A new random session token (256 bits, base64url). */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a token: its SHA-256, hex. */
export const tokenDigest = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** The session token the request's Cookie header carries, if any. */
export function sessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Set-Cookie value: httpOnly (no script reads it), SameSite=Lax, Secure behind HTTPS. */
export const sessionCookie = (token: string, maxAgeS: number, secure: boolean): string =>
  `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${Math.max(0, Math.round(maxAgeS))}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

export const clearedSessionCookie = (secure: boolean): string => sessionCookie('', 0, secure);
