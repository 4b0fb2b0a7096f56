import type { TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';

/**
 * What the host hands each Angular app for one server render: a link that calls the app's router in
 * the same process, so SSR never makes an HTTP request to its own host.
 */
export interface SsrRequestContext {
  trpcLink: TRPCLink<AnyRouter>;
  /** This response's Content-Security-Policy nonce, for the page's inline scripts and styles. */
  cspNonce?: string;
  /** Set when the host renders this request again after an unexpected error: the app shows its failure page. */
  failure?: { requestId: string };
}
