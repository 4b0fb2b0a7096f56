/** One typed tRPC client per app: in-process during SSR (the host's link), over HTTP in the browser. */
import {
  InjectionToken,
  REQUEST_CONTEXT,
  inject,
  makeEnvironmentProviders,
  type EnvironmentProviders,
} from '@angular/core';
import { isPlatformServer } from '@angular/common';
import { PLATFORM_ID } from '@angular/core';
import {
  TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  type TRPCLink,
} from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { SsrRequestContext } from './ssr-context.ts';

const TRPC_CLIENT = new InjectionToken<TRPCClient<AnyRouter>>('TRPC_CLIENT');

/** `url` is the router's path on the host, e.g. `/api/customer`. */
export function provideTrpc(options: { url: string }): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: TRPC_CLIENT,
      useFactory: () => {
        const context = inject(REQUEST_CONTEXT, { optional: true }) as SsrRequestContext | null;
        if (context?.trpcLink) return createTRPCClient<AnyRouter>({ links: [withOurErrors(context.trpcLink)] });
        if (isPlatformServer(inject(PLATFORM_ID))) {
          throw new Error('Server rendering needs the host to pass a tRPC link in the request context.');
        }
        // Subscriptions (the ops live tail) are server-sent events, which the browser reconnects with the last event
        // id; everything else is batched. Only the browser subscribes: a page opens its subscription after hydration.
        return createTRPCClient<AnyRouter>({
          links: [
            splitLink({
              condition: (operation) => operation.type === 'subscription',
              true: httpSubscriptionLink({ url: options.url }),
              false: httpBatchLink({ url: options.url, maxItems: 10 }),
            }),
          ],
        });
      },
    },
  ]);
}

/**
 * The host's link throws the host's own `TRPCClientError`, a class this bundle's copy of `@trpc/client` does not
 * know: unconverted, the client would wrap it in an error without its code (so `problemCode` would answer null
 * while the server renders). Rebuilt here from its shape, it carries the same code and field messages as over HTTP.
 */
function withOurErrors(hostLink: TRPCLink<AnyRouter>): TRPCLink<AnyRouter> {
  return (runtime) => {
    const link = hostLink(runtime);
    return (operation) =>
      observable((observer) =>
        link(operation).subscribe({
          next: (result) => observer.next(result),
          complete: () => observer.complete(),
          error: (error) =>
            observer.error(TRPCClientError.from(error.shape ? { error: error.shape } : error, { cause: error })),
        }),
      );
  };
}

export function injectTrpc<TRouter extends AnyRouter>(): TRPCClient<TRouter> {
  return inject(TRPC_CLIENT) as unknown as TRPCClient<TRouter>;
}
