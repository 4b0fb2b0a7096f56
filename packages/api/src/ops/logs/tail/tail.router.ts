import { tracked } from '@trpc/server';
import { ops } from '../../trpc.ts';
import { logQuery } from '../logs.query.ts';
import { lineMatches } from './tail-match.ts';
import { tailInput } from './tail.schemas.ts';

/** New lines as they reach the System DB, each `tracked` by its id so a reconnect resumes after the last one. */
export const tailProcedure = ops
  .allow('operator')
  .input(tailInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const filter = logQuery(input);
    for await (const { id, event } of ctx.logTail.follow({
      matches: (line) => lineMatches(filter, line),
      lastEventId: input.lastEventId,
      signal,
    }))
      yield tracked(id, event);
  });
