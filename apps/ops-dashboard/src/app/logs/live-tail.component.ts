import { ChangeDetectionStrategy, Component, computed, effect, input, signal, untracked } from '@angular/core';
import type { TailEvent } from '@astro/api';
import { injectInteractive, problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';
import { LogLineComponent } from './log-line.component';

type TailInput = Parameters<ReturnType<typeof injectApi>['logs']['tail']['subscribe']>[0];
/** The page's filters the tail follows (the search's own, less its time range). */
export type TailMatch = Omit<TailInput, 'lastEventId'>;
type TailLine = Extract<TailEvent, { kind: 'line' }>['line'];

/** What the view keeps: the latest lines only, so an hour of tailing holds as much memory as a minute. */
export const tailLimit = 500;

type Connection = 'connecting' | 'live' | 'reconnecting' | 'refused';

/** A row of the tail: a line, or a note where lines are missing (never a silent hole). */
type TailRow = { kind: 'line'; line: TailLine } | { kind: 'note'; id: string; text: string };

/**
 * The live tail: new lines of the page's filters as they are written, newest first. It opens only in the browser,
 * after hydration (a server render must never wait on a subscription), and follows the filters as they change.
 * Pausing (or scrolling away from the newest line) holds new lines back and counts them; resuming shows them all.
 */
@Component({
  selector: 'ab-live-tail',
  imports: [LogLineComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-tail.component.html',
  styleUrl: './live-tail.component.css',
})
export class LiveTailComponent {
  readonly match = input<TailMatch>({});

  private readonly api = injectApi();
  protected readonly interactive = injectInteractive();
  protected readonly limit = tailLimit;

  protected readonly rows = signal<TailRow[]>([]);
  /** Rows that came while paused, newest first (at most `tailLimit`), and how many came in all. */
  private readonly held = signal<TailRow[]>([]);
  protected readonly waiting = signal(0);
  protected readonly paused = signal(false);
  /** Paused because the operator scrolled away from the newest line, not with the button. */
  protected readonly pausedByScrolling = signal(false);
  protected readonly connection = signal<Connection>('connecting');
  protected readonly refusal = signal('');

  /** What the aria-live region says: the connection and whether the tail moves, never each line or count. */
  protected readonly announcement = computed(() => {
    if (!this.interactive()) return 'The live tail starts once the page has loaded.';
    const connection = this.connection();
    if (connection === 'refused') return `The live tail stopped: ${this.refusal()}`;
    if (connection === 'reconnecting') return 'Reconnecting to the live tail…';
    if (connection === 'connecting') return 'Connecting to the live tail…';
    if (this.paused())
      return this.pausedByScrolling()
        ? 'Live, paused while you read older lines.'
        : 'Live, paused. New lines wait until you resume.';
    return 'Live: new lines appear at the top.';
  });

  constructor() {
    effect((onCleanup) => {
      if (!this.interactive()) return;
      const match = this.match();
      untracked(() => {
        this.rows.set([]);
        this.held.set([]);
        this.waiting.set(0);
        this.connection.set('connecting');
      });
      // The link resumes a dropped stream from its last event id by itself; a new filter starts a new tail.
      const subscription = this.api.logs.tail.subscribe(match, {
        onConnectionStateChange: (state) => {
          if (state.state === 'pending') this.connection.set('live');
          else if (state.state === 'connecting') this.connection.set(state.error ? 'reconnecting' : 'connecting');
        },
        onData: ({ id, data }) => this.receive(rowOf(id, data)),
        onError: (error) => {
          this.refusal.set(problemMessage(error));
          this.connection.set('refused');
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  private receive(row: TailRow): void {
    if (this.paused()) {
      this.held.update((held) => [row, ...held].slice(0, tailLimit));
      if (row.kind === 'line') this.waiting.update((count) => count + 1);
    } else {
      this.rows.update((rows) => [row, ...rows].slice(0, tailLimit));
    }
  }

  protected pause(byScrolling = false): void {
    this.paused.set(true);
    this.pausedByScrolling.set(byScrolling);
  }

  /** Shows every line that waited (the latest `tailLimit` of them, like the rest of the view), newest first. */
  protected resume(list?: HTMLElement): void {
    const held = this.held();
    const waiting = this.waiting();
    const beyond = waiting - held.filter((row) => row.kind === 'line').length;
    const note: TailRow[] =
      beyond > 0
        ? [
            {
              kind: 'note',
              id: `beyond-${Date.now()}`,
              text: `${beyond} older lines that waited are not shown: search the range to see them.`,
            },
          ]
        : [];
    this.rows.update((rows) => [...held, ...note, ...rows].slice(0, tailLimit));
    this.held.set([]);
    this.waiting.set(0);
    this.paused.set(false);
    this.pausedByScrolling.set(false);
    list?.scrollTo({ top: 0 });
  }

  /** Reading older lines pauses the tail, so they do not move away under the reader. */
  protected scrolled(list: HTMLElement): void {
    if (list.scrollTop > 24 && !this.paused()) this.pause(true);
  }
}

function rowOf(id: string, event: TailEvent): TailRow {
  switch (event.kind) {
    case 'line':
      return { kind: 'line', line: event.line };
    case 'skipped':
      return {
        kind: 'note',
        id,
        text: `${event.count} lines were skipped while this view fell behind: search the range to see them.`,
      };
    default:
      return {
        kind: 'note',
        id,
        text: 'The tail restarted: lines written while it was away may be missing here; search the range to see them.',
      };
  }
}
