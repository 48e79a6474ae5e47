import type { Response } from 'express';
import type { Role } from '../../domain/model/roles';

/** The signed-in account as routes and the client see it (never the password hash). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** The account authenticate() found for this request, or null (anonymous). */
export const currentUser = (res: Response): SessionUser | null =>
  (res.locals.user as SessionUser | undefined) ?? null;
