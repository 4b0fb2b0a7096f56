/** The SSR entry every app's `server.ts` re-exports; the host calls it with the request's in-process tRPC link. */
import { AngularNodeAppEngine, writeResponseToNodeResponse } from '@angular/ssr/node';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withCspNonce } from './csp-nonce.ts';
import type { SsrRequestContext } from './ssr-context.ts';

export function createSsrHandler(options: { allowedHosts: string[] }) {
  const engine = new AngularNodeAppEngine({ allowedHosts: options.allowedHosts });
  return (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
    context: SsrRequestContext,
  ): void => {
    engine
      .handle(req, context)
      .then(async (response) => {
        if (!response) return next();
        const html = response.headers.get('content-type')?.startsWith('text/html');
        if (!context.cspNonce || !html) return writeResponseToNodeResponse(response, res);
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        const body = withCspNonce(await response.text(), context.cspNonce);
        return writeResponseToNodeResponse(new Response(body, { status: response.status, headers }), res);
      })
      .catch(next);
  };
}
