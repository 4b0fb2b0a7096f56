/** The SSR entry every app's `server.ts` re-exports; the host calls it with the request's in-process tRPC link. */
import { AngularNodeAppEngine, writeResponseToNodeResponse } from '@angular/ssr/node';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
      .then((response) => (response ? writeResponseToNodeResponse(response, res) : next()))
      .catch(next);
  };
}
