import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, resource, signal } from '@angular/core';
import { injectFocus, injectInteractive, LocalTimeComponent, problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';
import { BarChartComponent, type ChartBar } from '../charts/bar-chart.component';

type Job = Awaited<ReturnType<ReturnType<typeof injectApi>['jobs']['list']['query']>>[number];

const outcomeLabels: Record<Job['runs'][number]['outcome'], string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
};

/**
 * Every job of the Job Scheduler, for an operator to see what ran and how it went, run one now, or pause one
 * (every scheduler instance honours a pause). Pausing asks first: a paused job stops doing its work everywhere.
 */
@Component({
  selector: 'ab-jobs-page',
  imports: [BarChartComponent, DecimalPipe, LocalTimeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './jobs.page.html',
  styleUrl: './jobs.page.css',
})
export class JobsPage {
  private readonly api = injectApi();
  private readonly focus = injectFocus();
  protected readonly interactive = injectInteractive();
  protected readonly outcomeLabels = outcomeLabels;

  protected readonly jobs = resource({ id: 'ops.jobs.list', loader: () => this.api.jobs.list.query() });
  /** The job whose pause is being confirmed. */
  protected readonly pausing = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly said = signal('');
  protected readonly failed = signal('');

  protected refresh(): void {
    this.jobs.reload();
  }

  /** Why a job cannot be run now, or null when it can. */
  protected runUnavailable(job: Job): string | null {
    if (job.runRequested) return 'A run is asked for: a scheduler instance starts it within seconds.';
    if (job.runs[0]?.outcome === 'running') return `Running now on ${job.runs[0].instance}.`;
    return null;
  }

  protected runNow(job: Job): Promise<void> {
    return this.act(
      () => this.api.jobs.runNow.mutate({ job: job.name }),
      `Asked for a run of ${job.name}. A scheduler instance starts it within seconds; refresh to see it.`,
    );
  }

  protected askToPause(job: Job): void {
    this.reason.set('');
    this.pausing.set(job.name);
    this.focus('#pause-title');
  }

  protected pause(job: string): Promise<void> {
    const reason = this.reason().trim();
    return this.act(
      () => this.api.jobs.pause.mutate({ job, ...(reason ? { reason } : {}) }),
      `Paused ${job}. No scheduler instance starts its timetabled runs until it is resumed.`,
    );
  }

  protected resume(job: Job): Promise<void> {
    return this.act(
      () => this.api.jobs.resume.mutate({ job: job.name }),
      `Resumed ${job.name}. It runs on its timetable again.`,
    );
  }

  protected readReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
  }

  /** Bars of the recent runs' durations, oldest first. */
  protected bars(job: Job): ChartBar[] {
    return job.runs
      .filter((run) => run.durationMs !== null)
      .reverse()
      .map((run) => ({
        value: run.durationMs,
        label: `${outcomeLabels[run.outcome]} in ${run.durationMs} ms`,
        bad: run.outcome === 'failed',
      }));
  }

  private async act(call: () => Promise<unknown>, done: string): Promise<void> {
    this.busy.set(true);
    this.failed.set('');
    this.said.set('');
    try {
      await call();
      this.pausing.set(null);
      this.said.set(done);
      this.jobs.reload();
    } catch (error) {
      this.failed.set(problemMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
