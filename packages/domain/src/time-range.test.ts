import { describe, expect, it } from 'vitest';
import { minuteText, timeRangeOf, timeRangeParams } from './time-range.ts';

const now = new Date('2026-12-01T21:00:30.000Z');
const minutesBefore = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('the time range a page URL asks for', () => {
  it.each([
    ['15m', 15],
    ['1h', 60],
    ['6h', 360],
    ['24h', 1440],
    ['7d', 7 * 1440],
  ])('the preset %s ends now and starts %i minutes before', (range, minutes) => {
    expect(timeRangeOf({ range }, now)).toEqual({ from: minutesBefore(minutes), to: now, range, problem: null });
  });

  it('is the page’s default preset when the URL names none or one it does not know', () => {
    expect(timeRangeOf({}, now)).toMatchObject({ range: '1h', from: minutesBefore(60), problem: null });
    expect(timeRangeOf({ range: '3y' }, now, '15m')).toMatchObject({ range: '15m', from: minutesBefore(15) });
  });

  it('takes a custom range as UTC minutes, exactly as the link carries them', () => {
    expect(timeRangeOf({ range: 'custom', from: '2026-11-30T08:00', to: '2026-11-30T09:30' }, now)).toEqual({
      from: new Date('2026-11-30T08:00:00.000Z'),
      to: new Date('2026-11-30T09:30:00.000Z'),
      range: 'custom',
      problem: null,
    });
  });

  it.each([
    [{ from: '2026-11-30T08:00' }, 'Enter the start and end'],
    [{ from: 'yesterday', to: '2026-11-30T09:30' }, 'Enter the start and end'],
    [{ from: '2026-02-30T08:00', to: '2026-03-01T09:30' }, 'Enter the start and end'],
    [{ from: '2026-11-30T09:30', to: '2026-11-30T09:30' }, 'must be before its end'],
    [{ from: '2026-11-01T00:00', to: '2026-11-30T00:00' }, 'at most 14 days'],
  ])('shows the default preset and says why when a custom range is broken: %j', (params, problem) => {
    const range = timeRangeOf({ range: 'custom', ...params }, now);
    expect(range).toMatchObject({ range: '1h', from: minutesBefore(60), to: now });
    expect(range.problem).toContain(problem);
  });

  it('writes a range back as the parameters it was read from', () => {
    const custom = timeRangeOf({ range: 'custom', from: '2026-11-30T08:00', to: '2026-11-30T09:30' }, now);
    expect(timeRangeParams(custom)).toEqual({ range: 'custom', from: '2026-11-30T08:00', to: '2026-11-30T09:30' });
    expect(timeRangeParams(timeRangeOf({ range: '6h' }, now))).toEqual({ range: '6h', from: null, to: null });
    expect(minuteText(now)).toBe('2026-12-01T21:00');
  });
});
