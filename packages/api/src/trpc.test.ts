import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Problem, problemKinds } from '@astro/domain';
import { createLogger } from '@astro/logging';
import { fieldProblems, initAudience, type BaseContext } from './trpc.ts';

const audience = initAudience<BaseContext>();
const fields = { seats: 'Choose at least 1 seat.', 'passengers.0.birthDate': 'Enter a birth date like 1990-04-21.' };
const router = audience.router({
  refuse: audience.public.input(z.object({ kind: z.enum(problemKinds) })).query(({ input }) => {
    throw new Problem(input.kind, `Refused as ${input.kind}.`);
  }),
  refuseFields: audience.public.query(() => {
    throw Problem.invalid(fields);
  }),
  refuseFieldsInTheApi: audience.public.query(() => fieldProblems(fields)),
});
const ctx: BaseContext = {
  log: createLogger({ service: 'test', level: 'error', write: () => {} }),
  now: () => new Date(),
  viewer: null,
};
const caller = router.createCaller(ctx);
/** What a browser gets for a query, through the same formatter as every router. */
const answer = async (path: string) => {
  const response = await fetchRequestHandler({
    endpoint: '/api',
    req: new Request(`http://localhost/api/${path}`),
    router,
    createContext: () => ctx,
  });
  return {
    status: response.status,
    error: ((await response.json()) as { error: { message: string; data: Record<string, unknown> } }).error,
  };
};

describe('a flow refusing through a router', () => {
  it.each([
    ['invalid', 'BAD_REQUEST'],
    ['not_found', 'NOT_FOUND'],
    ['conflict', 'CONFLICT'],
    ['wrong_state', 'PRECONDITION_FAILED'],
    ['payment_declined', 'PAYMENT_REQUIRED'],
    ['timeout', 'TIMEOUT'],
    ['unavailable', 'SERVICE_UNAVAILABLE'],
  ] as const)('answers a %s problem as %s, with the flow’s message', async (kind, code) => {
    await expect(caller.refuse({ kind })).rejects.toMatchObject({ code, message: `Refused as ${kind}.` });
  });

  it('answers a refusal field by field exactly as the API’s own field problems, in the shape of invalid input', async () => {
    const issues = [
      { path: ['seats'], message: 'Choose at least 1 seat.' },
      { path: ['passengers.0.birthDate'], message: 'Enter a birth date like 1990-04-21.' },
    ];
    for (const refusal of [caller.refuseFields(), caller.refuseFieldsInTheApi()])
      await expect(refusal).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: 'Choose at least 1 seat. Enter a birth date like 1990-04-21.',
        cause: { issues },
      });
    for (const path of ['refuseFields', 'refuseFieldsInTheApi'])
      expect(await answer(path)).toMatchObject({
        status: 400,
        error: { data: { code: 'BAD_REQUEST', fieldErrors: fields } },
      });
  });
});
