import { describe, expect, it } from 'vitest';
import { readSyncMessage, syncMessageOf } from './messages.ts';

const launch = syncMessageOf('catalogue.launch-changed', {
  id: '0b9f3c56-8a43-4f57-9d1e-3f6c2b7d8e10',
  slug: 'lunar-dawn',
  missionName: 'Lunar Dawn',
  destination: 'moon',
  spaceport: 'Cape Canaveral',
  launchDate: new Date('2027-03-01T14:30:00.000Z'),
  status: 'delayed',
  statusHistory: [
    { status: 'scheduled', at: new Date('2026-11-01T09:00:00.000Z'), reason: null },
    { status: 'delayed', at: new Date('2026-12-01T09:00:00.000Z'), reason: 'Weather window' },
  ],
  pricePerSeatCents: 25_000_000,
  currency: 'USD',
  minimumPassengers: 4,
  agencyId: '5c2d1e0f-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
  agencyName: 'Orbital Horizons',
  salesPaused: false,
  rocketId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  rocketName: 'Horizon Heavy',
  capacity: 12,
  sourceVersion: 3,
});

describe('the sync contract', () => {
  it('reads a launch change back from the outbox, its dates turned to strings by PostgreSQL, as its producer wrote it', () => {
    const relayed = { kind: launch.kind, payload: JSON.parse(JSON.stringify(launch.payload)) as unknown };
    expect(readSyncMessage(relayed)).toEqual({ content: launch });
  });

  it('drops the seat counts a launch change carries, which the Customer DB owns', () => {
    const read = readSyncMessage({ kind: launch.kind, payload: { ...launch.payload, seatsLeft: 0, holds: {} } });
    expect(read).toEqual({ content: launch });
  });

  it('names every field that does not fit its kind', () => {
    const read = readSyncMessage({
      kind: 'booking.cancel',
      payload: { reason: 'Goodwill', refundCents: 12.5, requestedBy: null },
    });
    expect(read).toEqual({
      malformed:
        'This booking.cancel message does not fit its schema, so none of it was applied:\n' +
        '✖ Invalid input: expected int, received number\n  → at payload.refundCents\n' +
        '✖ Invalid input: expected string, received null\n  → at payload.requestedBy',
    });
  });

  it('reads a launch change from before sales could be paused as one whose sales go on', () => {
    const older: Record<string, unknown> = { ...launch.payload };
    delete older['salesPaused'];
    expect(readSyncMessage({ kind: launch.kind, payload: older })).toEqual({ content: launch });
  });

  it('leaves a kind it does not know to the caller', () => {
    expect(readSyncMessage({ kind: 'launch.teleported', payload: {} })).toEqual({ unknownKind: 'launch.teleported' });
  });
});
