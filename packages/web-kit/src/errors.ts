import type { TRPCClientError } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';

/**
 * Whether a call failed with tRPC's `TRPCClientError` (the API's answer, or no answer at all). Told by its name, not
 * its class: the class comes with the client, which loads with an app's first call (`trpc.ts`), and a page reads
 * errors before that too (a failure the server's render handed over, see `queryResource`).
 */
export function isCallError(error: unknown): error is TRPCClientError<AnyRouter> {
  return error instanceof Error && error.name === 'TRPCClientError';
}

/** The sentence to show a person when a call failed: the server's own message when it sent one. */
export function problemMessage(error: unknown): string {
  if (isCallError(error) && error.message) return error.message;
  return 'We could not reach Astro Bookings. Check your connection and try again.';
}

/** The tRPC code of a failed call (`UNAUTHORIZED`, `PAYMENT_REQUIRED`, …); null when the server was not reached. */
export function problemCode(error: unknown): string | null {
  if (!isCallError(error)) return null;
  return (error.data as { code?: string } | undefined)?.code ?? null;
}

/** The server's message for each invalid field (from invalid input or a broken product rule), by field name. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isCallError(error)) return {};
  const fields = (error.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
  return fields ?? {};
}
