import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LogVolume } from '@astro/api';
import { timeRangeOf } from '@astro/domain';
import { FilterFormComponent, problemMessage, queryResource } from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { injectApi } from '../api';
import { TimeRangeComponent } from '../time-range/time-range.component';
import { LiveTailComponent } from './live-tail.component';
import { LogLineComponent } from './log-line.component';
import { logLevelColours, logLevelLabels, logLevels, type LogLevel } from './log-levels';

const levels = logLevels;
const pageSize = 100;
const minute = 60_000;
const isCursor = (value: string | undefined): value is string => /^[\dTZ:.-]+~[\da-f-]+$/.test(value ?? '');
const isLineId = (value: string | undefined): value is string => /^[\da-f-]{36}$/.test(value ?? '');
/** A query parameter the URL may repeat (`level=warn&level=error`), as a list. */
const listOf = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());

/** The histogram's drawing: a column per bucket, its levels stacked (errors at the bottom), 100 units high. */
const chartHeight = 100;

/**
 * The logs of every service: a time range, filters and the volume per minute by level, the matching lines newest
 * first with "Older lines", each line's fields, every line of its request, and the lines around it. All of it is in
 * the address, so a pasted link shows the same lines.
 */
@Component({
  selector: 'ab-logs-page',
  imports: [
    DatePipe,
    DecimalPipe,
    LiveTailComponent,
    LogLineComponent,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    FilterFormComponent,
    TimeRangeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './logs.page.html',
  styleUrl: './logs.page.css',
})
export class LogsPage {
  private readonly api = injectApi();

  // The filters, the page and the line whose context is shown live in the URL (bound from its query).
  readonly range = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly level = input<string | string[]>();
  readonly service = input<string>();
  readonly text = input<string>();
  readonly correlationId = input<string>();
  readonly requestId = input<string>();
  /** Where the page starts: the lines before the one it names. */
  readonly cursor = input<string>();
  /** The line whose neighbours are shown. */
  readonly context = input<string>();

  protected readonly levels = levels;
  protected readonly levelLabels = logLevelLabels;
  protected readonly colours = logLevelColours;
  protected readonly chartHeight = chartHeight;

  /**
   * The window shown. A preset ends at the start of the next minute, so the server and the browser read the same
   * window from one address, and the histogram's minutes are whole.
   */
  protected readonly window = computed(() =>
    timeRangeOf(
      { range: this.range(), from: this.from(), to: this.to() },
      new Date(Math.ceil(Date.now() / minute) * minute),
    ),
  );

  /** The address's filters as the API takes them; the API says what is wrong with one it refuses. */
  protected readonly match = computed(() => {
    const chosen = listOf(this.level()).filter((each): each is LogLevel =>
      (levels as readonly string[]).includes(each),
    );
    const optional = (value: string | undefined) => value?.trim() || undefined;
    return {
      from: this.window().from.toISOString(),
      to: this.window().to.toISOString(),
      ...(chosen.length ? { levels: chosen } : {}),
      ...(optional(this.service()) ? { service: optional(this.service())! } : {}),
      ...(optional(this.text()) ? { text: optional(this.text())! } : {}),
      ...(optional(this.correlationId()) ? { correlationId: optional(this.correlationId())! } : {}),
      ...(optional(this.requestId()) ? { requestId: optional(this.requestId())! } : {}),
    };
  });
  protected readonly chosenLevels = computed(() => this.match().levels ?? []);
  /** The live tail follows the same filters, without the time range; the same filters keep the same tail open. */
  protected readonly tailMatch = computed(
    () => {
      const { levels: chosen, service, text, correlationId, requestId } = this.match();
      return { levels: chosen, service, text, correlationId, requestId };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly lines = queryResource({
    id: 'ops.logs.search',
    params: () => ({ ...this.match(), ...(isCursor(this.cursor()) ? { cursor: this.cursor()! } : {}) }),
    loader: ({ params }) => this.api.logs.search.query({ ...params, limit: pageSize }),
  });

  protected readonly volume = queryResource({
    id: 'ops.logs.volume',
    params: () => {
      const { from, to, levels: chosen, service } = this.match();
      return { from, to, ...(chosen ? { levels: chosen } : {}), ...(service ? { service } : {}) };
    },
    loader: ({ params }) => this.api.logs.volume.query(params),
  });

  protected readonly around = queryResource({
    id: 'ops.logs.context',
    params: () => (isLineId(this.context()) ? { lineId: this.context()! } : undefined),
    loader: ({ params }) => this.api.logs.context.query(params),
  });

  /** The histogram's columns: each level's bar, stacked, scaled to the busiest bucket. */
  protected readonly chart = computed(() => {
    const volume = this.volume.value();
    if (!volume) return null;
    const busiest = Math.max(1, ...volume.buckets.map((bucket) => levels.reduce((sum, l) => sum + bucket[l], 0)));
    const columns = volume.buckets.map((bucket, x) => {
      let y = chartHeight;
      const bars = [...levels].reverse().map((level) => {
        const height = (bucket[level] / busiest) * chartHeight;
        y -= height;
        return { level, y, height };
      });
      return { x, at: bucket.at, bars: bars.filter((bar) => bar.height > 0) };
    });
    const withLines = volume.buckets.filter((bucket) => levels.some((level) => bucket[level] > 0));
    return { columns, busiest, withLines, width: volume.buckets.length };
  });

  protected readonly lineTotal = computed(() => {
    const total = this.volume.value()?.total;
    return total ? levels.reduce((sum, level) => sum + total[level], 0) : 0;
  });

  protected bucketLabel(volume: LogVolume): string {
    return volume.bucketMinutes === 1
      ? 'minute'
      : volume.bucketMinutes < 60
        ? `${volume.bucketMinutes} minutes`
        : `${volume.bucketMinutes / 60} hour${volume.bucketMinutes === 60 ? '' : 's'}`;
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
