import { DecimalPipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  cursorAsked,
  FilterFormComponent,
  injectInteractive,
  LocalTimeComponent,
  problemMessage,
  queryResource,
} from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { BarChartComponent, type ChartBar } from '../charts/bar-chart.component';

type Api = ReturnType<typeof injectApi>;
type Overview = Awaited<ReturnType<Api['sync']['overview']['query']>>;
type LagMinute = Overview['lagPerMinute'][number];
type Message = Awaited<ReturnType<Api['sync']['messagesOf']['query']>>['messages'][number];

const deadLetterPage = 20;

const statusLabels: Record<Message['status'], string> = {
  pending: 'Waiting',
  applied: 'Applied',
  dead: 'Dead letter',
};
const statusBadges: Record<Message['status'], string> = {
  pending: 'ab-badge ab-badge--warn',
  applied: 'ab-badge ab-badge--good',
  dead: 'ab-badge ab-badge--bad',
};

/** A wait as an operator reads it: "850 ms", "12.5 s", "4 min 5 s", "2 h 3 min". */
function waitInWords(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.floor((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Synchronisation as an operator watches it (SPEC.md §5): what waits, how late messages are applied, what is being
 * retried, the dead letters to inspect and replay once their cause is fixed, and every message of one entity (its
 * id in the address, so a link shows the same search).
 */
@Component({
  selector: 'ab-sync-page',
  imports: [
    BarChartComponent,
    DecimalPipe,
    ErrorSummaryComponent,
    FieldComponent,
    FieldControlDirective,
    FilterFormComponent,
    JsonPipe,
    LocalTimeComponent,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sync.page.html',
  styleUrl: './sync.page.css',
})
export class SyncPage {
  private readonly api = injectApi();
  protected readonly interactive = injectInteractive();

  /** The entity whose messages are shown, from the address. */
  readonly entity = input<string>();
  /** Where the dead letters start: those recorded before the one it names. */
  readonly dead = input<string>();

  protected readonly statusLabels = statusLabels;
  protected readonly statusBadges = statusBadges;
  protected readonly wait = waitInWords;

  protected readonly overview = resource({ id: 'ops.sync.overview', loader: () => this.api.sync.overview.query() });
  protected readonly retries = resource({ id: 'ops.sync.retries', loader: () => this.api.sync.retries.query() });
  protected readonly deadCursor = computed(() => cursorAsked(this.dead()));
  protected readonly deadLetters = resource({
    id: 'ops.sync.deadLetters',
    params: () => ({ cursor: this.deadCursor() }),
    loader: ({ params: { cursor } }) =>
      this.api.sync.deadLetters.query({ limit: deadLetterPage, ...(cursor ? { cursor } : {}) }),
  });
  protected readonly entityId = computed(() => this.entity()?.trim() || undefined);
  // Its error, too, comes with the server's page: an id the API refuses is explained, not loaded again.
  protected readonly entityMessages = queryResource({
    id: 'ops.sync.messagesOf',
    params: () => (this.entityId() ? { entityId: this.entityId()! } : undefined),
    loader: ({ params }) => this.api.sync.messagesOf.query(params),
  });

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly said = signal('');
  // Refused (replayed by someone else meanwhile): the page shows the dead letters as they now stand, and why.
  protected readonly replaying = injectSubmission(signal(null), { refused: () => this.refresh() });

  /** The chart of the last hour: each minute's p99 lag; a minute with nothing applied has no bar to speak of. */
  protected readonly lagBars = computed((): ChartBar[] =>
    (this.overview.value()?.lagPerMinute ?? []).map((minute) => ({
      value: minute.p99Ms ?? 0,
      label: this.minuteInWords(minute),
      bad: false,
    })),
  );
  /** The chart's text alternative: the minutes in which messages were applied. */
  protected readonly appliedMinutes = computed(() =>
    (this.overview.value()?.lagPerMinute ?? []).filter((minute) => minute.applied !== 0),
  );
  protected readonly unreadMinutes = computed(() =>
    (this.overview.value()?.lagPerMinute ?? []).some((minute) => minute.applied === null),
  );

  protected minuteInWords(minute: LagMinute): string {
    const at = minute.minute.slice(11, 16);
    if (minute.applied === null) return `${at} UTC: not read (more messages in the hour than the chart reads)`;
    if (minute.applied === 0) return `${at} UTC: no message applied`;
    return `${at} UTC: ${minute.applied} applied, lag p50 ${waitInWords(minute.p50Ms!)}, p99 ${waitInWords(minute.p99Ms!)}`;
  }

  protected toggle(id: string, event: Event): void {
    const next = new Set(this.selected());
    if ((event.target as HTMLInputElement).checked) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected refresh(): void {
    this.overview.reload();
    this.retries.reload();
    this.deadLetters.reload();
    this.entityMessages.reload();
  }

  protected replay(id: string, what: string): Promise<boolean> {
    this.said.set('');
    return this.replaying.submit(async () => {
      await this.api.sync.replay.mutate({ messageId: id });
      this.replayed(`Replayed the dead letter ${what}: the sync job applies it within seconds.`);
    });
  }

  protected replaySelected(): Promise<boolean> {
    this.said.set('');
    return this.replaying.submit(async () => {
      const { replayed, passedOver } = await this.api.sync.replaySelected.mutate({
        messageIds: [...this.selected()],
      });
      const letters = (count: number) => (count === 1 ? '1 dead letter' : `${count} dead letters`);
      this.replayed(
        `Replayed ${letters(replayed.length)}: the sync job applies them within seconds.` +
          (passedOver.length ? ` ${letters(passedOver.length)} had been replayed already.` : ''),
      );
    });
  }

  private replayed(message: string): void {
    this.said.set(message);
    this.selected.set(new Set());
    this.refresh();
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
