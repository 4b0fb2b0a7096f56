/** The one reader of request cookies in the host: a cookie that is not validly encoded counts as absent. */
import { parseCookie } from 'cookie';
import type { IncomingMessage } from 'node:http';

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  return parseCookie(req.headers.cookie ?? '', { decode })[name];
}
