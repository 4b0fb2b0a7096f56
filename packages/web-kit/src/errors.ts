import { TRPCClientError } from '@trpc/client';

/** The sentence to show a person when a call failed: the server's own message when it sent one. */
export function problemMessage(error: unknown): string {
  if (error instanceof TRPCClientError && error.message) return error.message;
  return 'We could not reach Astro Bookings. Check your connection and try again.';
}

/** The tRPC code of a failed call (`UNAUTHORIZED`, `PAYMENT_REQUIRED`, …); null when the server was not reached. */
export function problemCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  return (error.data as { code?: string } | undefined)?.code ?? null;
}

/** The server's message for each invalid field (from invalid input or a broken product rule), by field name. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
  return fields ?? {};
}
