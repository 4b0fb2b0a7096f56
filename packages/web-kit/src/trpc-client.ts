/** The tRPC client itself, loaded with an app's first call (see `provideTrpc`): its links are no part of a first paint. */
import { TRPCClientError, createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { TRPCClient, TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';

/** In-process through the host's link while the server renders (`hostLink`), over HTTP at `url` in the browser. */
export function createClient(url: string, hostLink: TRPCLink<AnyRouter> | undefined): TRPCClient<AnyRouter> {
  if (hostLink) return createTRPCClient<AnyRouter>({ links: [withOurErrors(hostLink)] });
  // Subscriptions (the ops live tail) are server-sent events, which the browser reconnects with the last event
  // id; everything else is batched. Only the browser subscribes: a page opens its subscription after hydration.
  return createTRPCClient<AnyRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({ url }),
        false: httpBatchLink({ url, maxItems: 10 }),
      }),
    ],
  });
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
