import type { RequestHandler } from 'express';
import type { AccountStore } from './account-store';
import { sessionToken, tokenDigest } from './session-cookie';

/**
 * Put the session's account (if the cookie names an unexpired session) in res.locals.user.
 * Never refuses: authorize() decides, from the permission table, what the request may do.
 */
export function authenticate(accounts: AccountStore): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req);
    if (token) {
      const user = await accounts.sessionUser(tokenDigest(token));
      if (user) res.locals.user = user;
    }
    next();
  };
}
