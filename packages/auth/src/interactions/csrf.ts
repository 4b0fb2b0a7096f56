/**
 * CSRF protection for the sign-in forms: a random token in an HttpOnly, SameSite=Strict cookie must come
 * back in the form (another site can neither read the cookie nor make the browser send it), and a POST
 * that names its origin must name ours.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { readCookie } from '../cookies.ts';

const cookieName = 'ab_auth_csrf';

/** The form token for this browser, issuing the cookie on first use. */
export function csrfToken(req: Request, res: Response, secure: boolean): string {
  let token = readCookie(req, cookieName);
  if (!token || !/^[\w-]{32,}$/.test(token)) {
    token = randomBytes(24).toString('base64url');
    res.cookie(cookieName, token, { httpOnly: true, sameSite: 'strict', secure, path: '/auth' });
  }
  return token;
}

export function requireCsrf(publicOrigin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    const cookie = readCookie(req, cookieName) ?? '';
    const sent = typeof req.body?._csrf === 'string' ? (req.body._csrf as string) : '';
    const matches =
      cookie.length > 0 && sent.length === cookie.length && timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
    if ((origin && origin !== publicOrigin) || !matches) {
      res
        .status(403)
        .type('text/plain')
        .send('This form has expired or came from another site. Go back, reload the page and try again.');
      return;
    }
    next();
  };
}
