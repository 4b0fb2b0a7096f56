import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { LaunchStatus } from '@astro/domain';
import { launchStatusLabels } from './launch-status.ts';

/** One change of a launch's status, as the supplier and admin APIs send it (ISO 8601 times). */
export interface LaunchHistoryStep {
  from: LaunchStatus | null;
  to: LaunchStatus;
  reason: string | null;
  /** The launch date the change set, if it set one. */
  launchDate: string | null;
  by: string;
  at: string;
}

/** A launch's status history, oldest first: each change with the date it set, its reason, who made it and when. */
@Component({
  selector: 'ab-launch-history',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol>
      @for (step of steps(); track $index) {
        <li>
          <strong>{{ labels[step.to] }}</strong>
          @if (step.from) {
            <span> (was {{ labels[step.from] }})</span>
          }
          @if (step.reason) {
            <span> · {{ step.reason }}</span>
          }
          @if (step.launchDate) {
            <span> · launch date {{ step.launchDate | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</span>
          }
          <br /><span class="ab-hint"
            >by {{ step.by }},
            <time [attr.datetime]="step.at">{{ step.at | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</time></span
          >
        </li>
      }
    </ol>
  `,
  styles: `
    li {
      margin-bottom: var(--ab-space-3);
    }
  `,
})
export class LaunchHistoryComponent {
  readonly steps = input.required<readonly LaunchHistoryStep[]>();
  protected readonly labels = launchStatusLabels;
}
