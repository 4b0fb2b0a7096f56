import { describe, expect, it } from 'vitest';
import { logQuery } from '../logs.query.ts';
import type { LogMatch } from '../logs.schemas.ts';
import { lineMatches } from './tail-match.ts';

const line = {
  id: 'line-1',
  at: '2026-12-01T21:00:00.000Z',
  level: 'warn' as const,
  service: 'customer-api',
  instance: 'web-1:7',
  message: 'Payment declined for booking 42 (card.expired)',
  correlationId: 'corr-1',
  requestId: 'req-1',
  fields: null,
};

describe('lineMatches, the search filter applied to one line', () => {
  it.each<[string, LogMatch, boolean]>([
    ['no filter', {}, true],
    ['its level', { levels: ['warn'] }, true],
    ['levels that include its own', { levels: ['error', 'warn'] }, true],
    ['other levels', { levels: ['error', 'info'] }, false],
    ['its service', { service: 'customer-api' }, true],
    ['another service', { service: 'jobs' }, false],
    ['part of its message in another case', { text: 'PAYMENT declined' }, true],
    ['pattern characters taken as typed', { text: '(card.expired)' }, true],
    ['a pattern that is not in it as typed', { text: 'card.*' }, false],
    ['its correlation id', { correlationId: 'corr-1' }, true],
    ['another request id', { requestId: 'req-2' }, false],
    [
      'every filter at once',
      { levels: ['warn'], service: 'customer-api', text: 'booking 42', requestId: 'req-1' },
      true,
    ],
  ])('%s', (_, match, expected) => {
    expect(lineMatches(logQuery(match), line)).toBe(expected);
  });
});
