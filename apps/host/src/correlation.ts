/** Gives every request an id, honours a caller's correlation id, and runs the rest of the request inside both. */
import type { RequestHandler } from 'express';
import { withCorrelation } from '@astro/logging';

const idPattern = /^[A-Za-z0-9._:-]{1,128}$/;

export const correlate: RequestHandler = (req, res, next) => {
  const requestId = crypto.randomUUID();
  const offered = req.get('x-correlation-id');
  const correlationId = offered && idPattern.test(offered) ? offered : requestId;
  res.setHeader('x-request-id', requestId);
  res.setHeader('x-correlation-id', correlationId);
  withCorrelation({ correlationId, requestId }, next);
};
