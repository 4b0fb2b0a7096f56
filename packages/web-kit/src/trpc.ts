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
import type { TRPCClient } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import type { SsrRequestContext } from './ssr-context.ts';

const TRPC_CLIENT = new InjectionToken<TRPCClient<AnyRouter>>('TRPC_CLIENT');

/** `url` is the router's path on the host, e.g. `/api/customer`. */
export function provideTrpc(options: { url: string }): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: TRPC_CLIENT,
      useFactory: () => {
        const context = inject(REQUEST_CONTEXT, { optional: true }) as SsrRequestContext | null;
        if (!context?.trpcLink && isPlatformServer(inject(PLATFORM_ID))) {
          throw new Error('Server rendering needs the host to pass a tRPC link in the request context.');
        }
        let client: Promise<TRPCClient<AnyRouter>> | undefined;
        const load = () =>
          (client ??= import('./trpc-client.ts').then((m) => m.createClient(options.url, context?.trpcLink)));
        return deferredClient(load) as TRPCClient<AnyRouter>;
      },
    },
  ]);
}

export function injectTrpc<TRouter extends AnyRouter>(): TRPCClient<TRouter> {
  return inject(TRPC_CLIENT) as unknown as TRPCClient<TRouter>;
}

type Procedure = (...args: unknown[]) => unknown;
interface Unsubscribable {
  unsubscribe(): void;
}

/**
 * Stands in for the tRPC client until an app's first call loads it: a hydrated page answers its first queries from
 * the transfer state, so the client and its links (a third of the tRPC code an app ships) wait for a page that asks
 * the API. Written here because tRPC has no lazy client: `api.a.b.query(input)` is the path `a.b` and the call
 * `query`, forwarded to the real client once loaded; a subscription is opened when the client is there.
 */
function deferredClient(load: () => Promise<TRPCClient<AnyRouter>>, path: readonly string[] = []): unknown {
  return new Proxy(() => undefined, {
    // Not a promise: `await api` (or a resolver handed the client) must not take it for one.
    get: (_, key) => (typeof key === 'string' && key !== 'then' ? deferredClient(load, [...path, key]) : undefined),
    apply: (_, __, args: unknown[]) => {
      const call = (client: TRPCClient<AnyRouter>) =>
        (path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], client) as Procedure)(...args);
      if (path.at(-1) !== 'subscribe') return load().then(call);
      let subscription: Unsubscribable | null = null;
      let unsubscribed = false;
      const onError = (args[1] as { onError?: (error: unknown) => void } | undefined)?.onError;
      void load().then((client) => {
        if (!unsubscribed) subscription = call(client) as Unsubscribable;
      }, onError);
      return {
        unsubscribe: () => {
          unsubscribed = true;
          subscription?.unsubscribe();
        },
      } satisfies Unsubscribable;
    },
  });
}
