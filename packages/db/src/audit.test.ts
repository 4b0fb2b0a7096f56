import { describe, expect, it } from 'vitest';
import { changedFields } from './audit.ts';

describe('the fields an audit entry keeps', () => {
  it.each([
    {
      case: 'only the fields that changed',
      before: { name: 'Falcon', capacity: 6, range: 'orbit' },
      after: { name: 'Falcon', capacity: 8, range: 'moon' },
      kept: { before: { capacity: 6, range: 'orbit' }, after: { capacity: 8, range: 'moon' } },
    },
    {
      case: 'dates as ISO strings, unchanged ones left out',
      before: { launchDate: new Date('2027-01-01T00:00:00Z'), status: 'scheduled' },
      after: { launchDate: new Date('2027-01-08T00:00:00Z'), status: 'scheduled' },
      kept: { before: { launchDate: '2027-01-01T00:00:00.000Z' }, after: { launchDate: '2027-01-08T00:00:00.000Z' } },
    },
    {
      case: 'lists compared by value',
      before: { roles: ['operator'] },
      after: { roles: ['operator', 'support'] },
      kept: { before: { roles: ['operator'] }, after: { roles: ['operator', 'support'] } },
    },
    { case: 'nothing when nothing changed', before: { a: 1 }, after: { a: 1 }, kept: { before: {}, after: {} } },
  ])('keeps $case', ({ before, after, kept }) => {
    expect(changedFields(before, after)).toEqual(kept);
  });
});
