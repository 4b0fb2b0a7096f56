/**
 * The live tail's hub: one poller of the capped `logs` collection per host, however many operators follow it,
 * fanning the new lines out to each subscriber through its own filter.
 *
 * Why the tail numbers lines itself. Lines are written in batches by several processes, each stamping `at` with
 * its own clock and flushing every half second (longer while the System DB is unreachable), so a line can land
 * after lines with a later `at`. A resume point of (at, _id) would skip such a late line for good. The poller
 * therefore (1) reads with an overlap: every poll asks again for the last `overlapMs` of `at` (by the minute it falls in, see `read`)
 * and drops the lines it has already seen, so a line up to `overlapMs` late is still found; and (2) gives each
 * line it finds the next number of its own sequence, which is insertion order as this host saw it. Event ids are
 * `<hub epoch>.<sequence>`: a reconnect to the same hub resumes exactly after its last event from the hub's
 * bounded buffer, with nothing lost and nothing twice. The hub keeps polling for `graceMs` after its last
 * subscriber leaves, so a dropped connection that comes back finds the lines written meanwhile. An id the hub
 * cannot resume from (the host restarted, the id is of another host, or the lines fell out of the buffer) gets a
 * `gap` event first, never a silent hole.
 *
 * Memory is bounded: the hub keeps at most `bufferSize` lines; a subscriber is a cursor into that buffer. One that
 * falls so far behind that the lines it has not read yet are evicted gets a `skipped` event counting the lines of
 * its filter it lost, before the next line.
 */
import { logCollection, logMinute, type SystemOrm } from '@astro/db/system';
import type { LogLine } from '../logs.schemas.ts';
import { lineOf, type StoredLine } from '../logs.service.ts';

export type TailEvent =
  | { kind: 'line'; line: LogLine }
  /** This many lines of the subscriber's filter were evicted before it read them. */
  | { kind: 'skipped'; count: number }
  /** The tail could not resume from the id the subscriber came back with; lines before this event may be missing. */
  | { kind: 'gap' };

export interface TailEnvelope {
  /** The event's id, `<epoch>.<sequence>`: the subscriber sends the last one back to resume. */
  id: string;
  event: TailEvent;
}

export interface LogTailOptions {
  pollEveryMs?: number;
  /** How late (after its own `at`) a line may reach the store and still be found. */
  overlapMs?: number;
  /** Lines per query; a poll reads at most `pagesPerPoll` pages, and the rest on the next poll. */
  pageSize?: number;
  pagesPerPoll?: number;
  bufferSize?: number;
  /** How long the poller keeps going after its last subscriber left, so a reconnect resumes exactly. */
  graceMs?: number;
}

export interface LogTail {
  /**
   * Follows the lines that match, from `lastEventId` (the last event the subscriber got) or from now, until
   * `signal` aborts.
   */
  follow(options: {
    matches: (line: LogLine) => boolean;
    lastEventId?: string | null;
    signal?: AbortSignal;
  }): AsyncGenerator<TailEnvelope>;
  /** What the hub is doing, for tests and the benchmark: is it polling, for how many, after how many queries. */
  state(): { polling: boolean; subscribers: number; queries: number };
}

interface Subscriber {
  /** The sequence number of the last line this subscriber has passed. */
  cursor: number;
  matches: (line: LogLine) => boolean;
  /** Lines of its filter evicted before it read them, not yet reported. */
  skipped: number;
  wake: (() => void) | null;
}

export function createLogTail(system: SystemOrm, options: LogTailOptions = {}): LogTail {
  const pollEveryMs = options.pollEveryMs ?? 500;
  const overlapMs = options.overlapMs ?? 5_000;
  const pageSize = options.pageSize ?? 500;
  const pagesPerPoll = options.pagesPerPoll ?? 10;
  const bufferSize = options.bufferSize ?? 10_000;
  const graceMs = options.graceMs ?? 60_000;
  const logs = logCollection(system.em);

  /** A new epoch per start of the poller: its sequence means nothing to another poller. */
  let epoch = '';
  let sequence = 0;
  /** The buffered lines, oldest first; `buffer[i]` has sequence `sequence - buffer.length + 1 + i`. */
  let buffer: LogLine[] = [];
  /** The latest `at` seen, and the ids seen within the overlap before it (so a re-read line is not new). */
  let frontier = 0;
  let seen = new Map<string, number>();
  let queries = 0;
  let stopAt: number | null = null;
  let started: Promise<void> | null = null;
  const subscribers = new Set<Subscriber>();

  const firstBuffered = () => sequence - buffer.length + 1;

  async function start(): Promise<void> {
    try {
      await prime();
    } catch (error) {
      started = null;
      throw error;
    }
    schedule();
  }

  async function prime(): Promise<void> {
    epoch = crypto.randomUUID().slice(0, 8);
    sequence = 0;
    buffer = [];
    seen = new Map();
    // Lines already stored are the search's, not the tail's: those of the overlap before now count as seen.
    frontier = 0;
    await read(true);
  }

  function schedule() {
    setTimeout(() => void poll(), pollEveryMs).unref();
  }

  async function poll(): Promise<void> {
    if (subscribers.size === 0 && stopAt !== null && Date.now() >= stopAt) {
      started = null;
      return;
    }
    try {
      await read(false);
    } catch {
      // The System DB is unreachable just now: the next poll asks again from the same place, losing nothing.
    }
    schedule();
  }

  /**
   * Reads what is new since the frontier (less the overlap); `priming` only marks it as seen. FerretDB answers only
   * equality from an index and filters a range of `at` line by line, so the poller asks for each UTC minute the
   * window touches (one, or two across a minute's end) by its `minute`: a poll reads the lines of the last minute or
   * two, never the whole collection.
   */
  async function read(priming: boolean): Promise<void> {
    // "Late" is measured against the later of this host's clock and the newest line: a line stamped more than
    // `overlapMs` before both is the search's only (a writer cut off from the System DB that long, or a clock that far
    // behind).
    const head = Math.max(frontier, Date.now());
    const since = head - overlapMs;
    const minutes: string[] = [];
    for (let at = since; logMinute(new Date(at)) <= logMinute(new Date(head)); at += 60_000)
      minutes.push(logMinute(new Date(at)));
    for (const minute of minutes) {
      let from = new Date(since);
      for (let page = 0; page < pagesPerPoll; page += 1) {
        queries += 1;
        const rows = (await logs
          .find({ minute, at: { $gte: from } }, { sort: { at: 1, _id: 1 }, limit: pageSize })
          .toArray()) as unknown as StoredLine[];
        const fresh: LogLine[] = [];
        for (const row of rows) {
          if (seen.has(row._id)) continue;
          seen.set(row._id, row.at.getTime());
          fresh.push(lineOf(row));
        }
        const last = rows.at(-1);
        if (last) frontier = Math.max(frontier, last.at.getTime());
        if (!priming) append(fresh);
        // A full page whose last line is where it started cannot advance (more than a page in one millisecond).
        if (rows.length < pageSize || !last || last.at.getTime() === from.getTime()) break;
        from = last.at;
      }
    }
    const forgetBefore = since;
    for (const [id, at] of seen) if (at < forgetBefore) seen.delete(id);
  }

  function append(lines: LogLine[]) {
    if (lines.length === 0) return;
    buffer.push(...lines);
    sequence += lines.length;
    const overflow = buffer.length - bufferSize;
    if (overflow > 0) {
      const evicted = buffer.slice(0, overflow);
      const firstEvicted = firstBuffered();
      buffer = buffer.slice(overflow);
      // A subscriber still before the evicted lines loses them: count those of its filter, and move it past them.
      for (const subscriber of subscribers) {
        evicted.forEach((line, index) => {
          if (firstEvicted + index > subscriber.cursor && subscriber.matches(line)) subscriber.skipped += 1;
        });
        subscriber.cursor = Math.max(subscriber.cursor, firstEvicted + overflow - 1);
      }
    }
    for (const subscriber of subscribers) subscriber.wake?.();
  }

  const idOf = (at: number) => `${epoch}.${at}`;

  /** The sequence to resume after, when `lastEventId` is one of this poller's and still buffered. */
  function resumePoint(lastEventId: string | null | undefined): number | null {
    const match = /^([0-9a-f]{8})\.(\d+)$/.exec(lastEventId ?? '');
    if (!match || match[1] !== epoch) return null;
    const at = Number(match[2]);
    return at <= sequence && at >= firstBuffered() - 1 ? at : null;
  }

  async function* follow({
    matches,
    lastEventId,
    signal,
  }: Parameters<LogTail['follow']>[0]): AsyncGenerator<TailEnvelope> {
    // From now until the hub says where it resumes: a poll that lands first must not count older lines as skipped.
    const subscriber: Subscriber = { cursor: sequence, matches, skipped: 0, wake: null };
    // One listener for the subscription's life, not one per wait (an hour of waits must not pile them up).
    const onAbort = () => subscriber.wake?.();
    signal?.addEventListener('abort', onAbort);
    subscribers.add(subscriber);
    stopAt = null;
    try {
      started ??= start();
      await started;
      const resumed = resumePoint(lastEventId);
      subscriber.cursor = resumed ?? sequence;
      if (lastEventId && resumed === null) yield { id: idOf(subscriber.cursor), event: { kind: 'gap' } };
      while (!signal?.aborted) {
        if (subscriber.skipped > 0) {
          const count = subscriber.skipped;
          subscriber.skipped = 0;
          yield { id: idOf(subscriber.cursor), event: { kind: 'skipped', count } };
          continue;
        }
        if (subscriber.cursor < sequence) {
          const at = subscriber.cursor + 1;
          const line = buffer[at - firstBuffered()]!;
          subscriber.cursor = at;
          if (matches(line)) yield { id: idOf(at), event: { kind: 'line', line } };
          continue;
        }
        await new Promise<void>((resolve) => {
          subscriber.wake = resolve;
        });
        subscriber.wake = null;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      subscribers.delete(subscriber);
      if (subscribers.size === 0) stopAt = Date.now() + graceMs;
    }
  }

  return {
    follow,
    state: () => ({ polling: started !== null, subscribers: subscribers.size, queries }),
  };
}
