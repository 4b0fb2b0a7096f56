/** The SSR entry every app's `server.ts` re-exports; the host calls it with the request's in-process tRPC link. */
import { AngularNodeAppEngine, writeResponseToNodeResponse } from '@angular/ssr/node';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withCspNonce } from './csp-nonce.ts';
import type { SsrRequestContext } from './ssr-context.ts';

export function createSsrHandler(options: { allowedHosts: string[] }) {
  const engine = new AngularNodeAppEngine({ allowedHosts: options.allowedHosts });
  /** The request's page with the context's nonce on its inline code; null when the app has no page for it. */
  const render = async (req: IncomingMessage, context: SsrRequestContext): Promise<Response | null> => {
    const response = await engine.handle(req, context);
    if (!response) return null;
    const html = response.headers.get('content-type')?.startsWith('text/html');
    if (!context.cspNonce || !html) return response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    const body = withCspNonce(await response.text(), context.cspNonce);
    return new Response(body, { status: response.status, headers });
  };
  const handler = (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
    context: SsrRequestContext,
  ): void => {
    render(req, context)
      .then((response) => (response ? writeResponseToNodeResponse(response, res) : next()))
      .catch(next);
  };
  // The host renders a page once for every anonymous visitor through `render` (apps/host/src/page-cache.ts).
  return Object.assign(handler, { render });
}
