/** What every audience's router is built from: one error shape, one way to declare procedures. */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { UserRole } from '@astro/db/system';
import { Problem, type ProblemKind } from '@astro/domain';
import { currentCorrelation, type Logger } from '@astro/logging';
import { authorize, type AccessMeta, type Viewer } from './access.ts';

export interface BaseContext {
  log: Logger;
  /** The one clock: tests move it, code never calls `new Date()` for "now". */
  now: () => Date;
  /** Who is calling; null for a visitor. */
  viewer: Viewer | null;
}

export function initAudience<TContext extends BaseContext>() {
  const t = initTRPC
    .context<TContext>()
    .meta<AccessMeta>()
    .create({
      errorFormatter({ shape, error }) {
        // A person reads this message: invalid input says what to fix, an unexpected failure says nothing of its
        // cause (even one that carries issues, such as a stored document failing its own schema), but names the
        // request, whose id finds its log lines for whoever they tell.
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          const requestId = currentCorrelation()?.requestId ?? null;
          return {
            ...shape,
            message: `Something went wrong on our side. Please try again in a moment.${requestId ? ` (Reference: ${requestId})` : ''}`,
            data: { ...shape.data, stack: undefined, fieldErrors: null, requestId },
          };
        }
        const fields = hasIssues(error.cause) ? fieldErrors(error.cause.issues) : null;
        return {
          ...shape,
          message: fields ? Object.values(fields).join('. ') : shape.message,
          data: { ...shape.data, stack: undefined, fieldErrors: fields },
        };
      },
    });
  const guarded = t.procedure.use(async ({ ctx, meta, next }) => {
    authorize(meta?.access, ctx.viewer);
    const result = await next();
    // A flow's refusal travels as the tRPC error the caller expects, with the flow's own message.
    if (!result.ok && result.error.cause instanceof Problem) throw trpcErrorOf(result.error.cause);
    return result;
  });
  return {
    router: t.router,
    /** Anyone may call it, signed in or not. */
    public: guarded.meta({ access: 'everyone' }),
    /** Only people with one of these roles may call it. */
    allow: (...roles: UserRole[]) => guarded.meta({ access: roles }),
    /** Declares its rule with `.meta({ access })`; without one it is refused to everybody. */
    procedure: guarded,
  };
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

const codeOf: Record<ProblemKind, TRPC_ERROR_CODE_KEY> = {
  invalid: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  wrong_state: 'PRECONDITION_FAILED',
  payment_declined: 'PAYMENT_REQUIRED',
  timeout: 'TIMEOUT',
  unavailable: 'SERVICE_UNAVAILABLE',
};

/** The one mapping of a domain refusal to tRPC: its code, its message, and its fields in the shape of invalid input. */
function trpcErrorOf(problem: Problem): TRPCError {
  return new TRPCError({
    code: codeOf[problem.kind],
    message: problem.message,
    cause: problem.fields
      ? Object.assign(new Error('Refused by a product rule'), {
          issues: Object.entries(problem.fields).map(([field, message]) => ({ path: [field], message })),
        })
      : problem,
  });
}

/** Refuses input that breaks a product rule, field by field, in the same shape as invalid input. */
export function fieldProblems(problems: Record<string, string>): never {
  throw trpcErrorOf(Problem.invalid(problems));
}
