/** The one reader of request cookies in the host: a cookie that is not validly encoded counts as absent. */
import { parseCookie } from 'cookie';
import type { IncomingMessage } from 'node:http';

/** Percent-decoded text, or undefined where the encoding is broken (what a client sent is then as good as absent). */
export const percentDecoded = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  return parseCookie(req.headers.cookie ?? '', { decode: percentDecoded })[name];
}
