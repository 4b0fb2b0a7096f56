import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, resource } from '@angular/core';
import { problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';
import { BarChartComponent, type ChartBar } from '../charts/bar-chart.component';

type History = Awaited<ReturnType<ReturnType<typeof injectApi>['status']['history']['query']>>;
type ComponentHistory = History['components'][number];

const clockTime = (at: string) => `${at.slice(11, 19)} UTC`;

@Component({
  selector: 'ab-status-page',
  imports: [BarChartComponent, DatePipe],
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

  /** The last hour of checks the Job Scheduler keeps, every 30 s. */
  protected readonly history = resource({
    id: 'ops.status.history',
    loader: () => this.api.status.history.query(),
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
    if (summary.checks === 0) return 'No checks in the last hour yet: the Job Scheduler checks every 30 s.';
    const latency = summary.medianMs === null ? '' : ` Median ${summary.medianMs} ms, slowest ${summary.highestMs} ms.`;
    const unanswered = summary.down === 0 ? ' Every check answered.' : ` ${summary.down} of them got no answer.`;
    return `Last hour: ${summary.checks} checks.${latency}${unanswered}`;
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
