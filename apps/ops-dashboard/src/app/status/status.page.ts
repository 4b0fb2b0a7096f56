import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, resource } from '@angular/core';
import { timeRangeOf, timeRangePresets } from '@astro/domain';
import { FilterFormComponent, problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';
import { BarChartComponent, type ChartBar } from '../charts/bar-chart.component';
import { TimeRangeComponent } from '../time-range/time-range.component';

type History = Awaited<ReturnType<ReturnType<typeof injectApi>['status']['history']['query']>>;
type ComponentHistory = History['components'][number];

const clockTime = (at: string) => `${at.slice(11, 19)} UTC`;
const minute = (at: string) => at.slice(0, 16).replace('T', ' ');
const spacing: Record<number, string> = { 300: 'one check every 5 minutes', 3600: 'one check an hour' };

@Component({
  selector: 'ab-status-page',
  imports: [BarChartComponent, DatePipe, FilterFormComponent, TimeRangeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './status.page.html',
  styleUrl: './status.page.css',
})
export class StatusPage {
  private readonly api = injectApi();

  protected readonly status = resource({
    id: 'ops.status.get',
    loader: () => this.api.status.get.query(),
  });

  /** The history's time range, from the address (`?range=24h`, or `range=custom&from=…&to=…` in UTC minutes). */
  readonly range = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  private readonly asked = computed(() => ({
    ...(this.range() ? { range: this.range() as never } : {}),
    ...(this.from() ? { from: this.from() } : {}),
    ...(this.to() ? { to: this.to() } : {}),
  }));
  /** The range for the picker; the server reads the same address at its own now for the checks. */
  protected readonly shown = computed(() => timeRangeOf(this.asked(), new Date()));

  /** The checks the Job Scheduler keeps every 30 s, over the range. */
  protected readonly history = resource({
    id: 'ops.status.history',
    params: () => this.asked(),
    loader: ({ params }) => this.api.status.history.query(params),
  });

  /** The range the checks cover, in words: "last 24 hours", "from 2026-11-20 10:00 to 2026-11-20 11:00 UTC". */
  protected readonly rangeWords = computed(() => {
    const history = this.history.value();
    if (!history) return '';
    const preset = timeRangePresets.find((each) => each.key === history.range);
    return preset ? preset.label.toLowerCase() : `from ${minute(history.from)} to ${minute(history.to)} UTC`;
  });

  protected refresh(): void {
    this.status.reload();
    this.history.reload();
  }

  protected historyOf(component: string): ComponentHistory | undefined {
    return this.history.value()?.components.find((history) => history.component === component);
  }

  /** The history in words: what the chart shows, for everyone who does not read charts. */
  protected summary({ summary }: ComponentHistory): string {
    const range = this.rangeWords();
    const over = range.charAt(0).toUpperCase() + range.slice(1);
    if (summary.checks === 0) return `${over}: no checks. The Job Scheduler checks every 30 s.`;
    const every = spacing[this.history.value()!.everySeconds];
    const checks = `${summary.checks} ${summary.checks === 1 ? 'check' : 'checks'}${every ? ` (${every})` : ''}`;
    const latency = summary.medianMs === null ? '' : ` Median ${summary.medianMs} ms, slowest ${summary.highestMs} ms.`;
    const unanswered = summary.down === 0 ? ' Every check answered.' : ` ${summary.down} of them got no answer.`;
    return `${over}: ${checks}.${latency}${unanswered}`;
  }

  protected bars({ checks }: ComponentHistory): ChartBar[] {
    return checks.map((check) => ({
      value: check.latencyMs,
      label: check.up
        ? `${clockTime(check.at)}: ${check.latencyMs} ms`
        : `${clockTime(check.at)}: no answer (${check.problem})`,
      bad: !check.up,
    }));
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
