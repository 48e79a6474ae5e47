import { requestJson } from './fetch-json';

export type Role = 'planner' | 'reviewer' | 'presenter' | 'admin';

/** The signed-in account (POST /api/auth/login, GET /api/auth/me). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** POST /api/auth/login: sets the httpOnly session cookie; 401 UNAUTHENTICATED on bad credentials. */
export const login = (username: string, password: string, locale: string) =>
  requestJson<{ user: SessionUser }>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    locale,
  });

/** GET /api/auth/me: the account of the session cookie, or null when signed out. */
export async function getMe(): Promise<SessionUser | null> {
  try {
    return (await requestJson<{ user: SessionUser }>('/api/auth/me')).user;
  } catch (err) {
    if ((err as { status?: number }).status === 401) return null;
    throw err;
  }
}

export const logout = (): Promise<void> =>
  requestJson<void>('/api/auth/logout', { method: 'POST' });
