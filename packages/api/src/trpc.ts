/** What every audience's router is built from: one error shape, one way to declare procedures. */
import { initTRPC, TRPCError } from '@trpc/server';
import type { Logger } from '@astro/logging';

export interface BaseContext {
  log: Logger;
  /** The one clock: tests move it, code never calls `new Date()` for "now". */
  now: () => Date;
}

export function initAudience<TContext extends BaseContext>() {
  return initTRPC.context<TContext>().create({
    errorFormatter({ shape, error }) {
      const fields = hasIssues(error.cause) ? fieldErrors(error.cause.issues) : null;
      return {
        ...shape,
        // A person reads this message: invalid input says what to fix, internal failures never leak details.
        message: fields
          ? Object.values(fields).join('. ')
          : error.code === 'INTERNAL_SERVER_ERROR'
            ? 'Something went wrong on our side. Please try again in a moment.'
            : shape.message,
        data: { ...shape.data, stack: undefined, fieldErrors: fields },
      };
    },
  });
}

interface Issue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
}

/** Zod errors, and tRPC's wrapper of any Standard Schema's, carry their problems as `issues`. */
function hasIssues(cause: unknown): cause is { issues: Issue[] } {
  return typeof cause === 'object' && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

function fieldErrors(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path =
      (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.') || 'input';
    out[path] ??= issue.message;
  }
  return out;
}

export { TRPCError };
