import { describe, expect, it } from 'vitest';
import { statusSampleBucketFilters, statusSampleBuckets } from './status-sample.entity.ts';

describe('statusSampleBuckets', () => {
  it.each([
    ['2026-11-25T12:00:30.000Z', { hour: '2026-11-25T12', day: null, month: null }],
    ['2026-11-25T12:05:00.000Z', { hour: '2026-11-25T12', day: '2026-11-25', month: null }],
    // A timetabled run starts a few milliseconds after its tick.
    ['2026-11-25T12:05:00.012Z', { hour: '2026-11-25T12', day: '2026-11-25', month: null }],
    ['2026-11-25T12:59:59.990Z', { hour: '2026-11-25T13', day: '2026-11-25', month: '2026-11' }],
  ])('puts a check taken at %s in the series of its slot', (at, buckets) => {
    expect(statusSampleBuckets(new Date(at))).toEqual(buckets);
  });
});

describe('statusSampleBucketFilters', () => {
  it('names every bucket a range touches, its ends included', () => {
    expect(statusSampleBucketFilters(30, new Date('2026-11-25T10:30:00Z'), new Date('2026-11-25T12:10:00Z'))).toEqual([
      { hour: '2026-11-25T10' },
      { hour: '2026-11-25T11' },
      { hour: '2026-11-25T12' },
    ]);
    expect(statusSampleBucketFilters(300, new Date('2026-11-24T12:00:00Z'), new Date('2026-11-25T12:00:00Z'))).toEqual([
      { day: '2026-11-24' },
      { day: '2026-11-25' },
    ]);
    expect(statusSampleBucketFilters(3600, new Date('2026-11-18T12:00:00Z'), new Date('2026-12-02T12:00:00Z'))).toEqual(
      [{ month: '2026-11' }, { month: '2026-12' }],
    );
  });
});
