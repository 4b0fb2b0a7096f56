/**
 * Security headers on every response. The Content-Security-Policy allows only this origin's files and the
 * inline scripts and styles that carry this response's nonce (the SSR pages and sign-in pages put it on
 * theirs), so injected markup cannot run.
 */
import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

export const cspNonce = (res: Response): string => String(res.locals['cspNonce']);

export function securityHeaders(options: { publicUrl: string }): RequestHandler {
  const https = options.publicUrl.startsWith('https:');
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals['cspNonce'] = nonce;
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        `style-src 'self' 'nonce-${nonce}'`,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        ...(https ? ['upgrade-insecure-requests'] : []),
      ].join('; '),
    );
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  };
}
