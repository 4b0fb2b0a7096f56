import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LogLine } from '@astro/api';
import { logLevelColours, logLevelLabels } from './log-levels';

/**
 * One log line: its time, level, service and message, opening to its fields, links to every line of its request or
 * correlation id (the same page, filtered by that id alone), and to the lines around it.
 */
@Component({
  selector: 'ab-log-line',
  imports: [DatePipe, JsonPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="line">
      <summary>
        <time [attr.datetime]="line().at">{{ line().at | date: 'd MMM HH:mm:ss.SSS' : 'UTC' }}</time>
        <span class="level" [style.color]="colours[line().level]">{{ levelLabels[line().level] }}</span>
        <span class="service">{{ line().service }}</span>
        <span class="message">{{ line().message }}</span>
      </summary>
      <dl class="fields">
        <div>
          <dt>Instance</dt>
          <dd>{{ line().instance }}</dd>
        </div>
        <div>
          <dt>Request id</dt>
          <dd>
            @if (line().requestId) {
              <a
                [routerLink]="[]"
                [queryParams]="everyLineOf({ requestId: line().requestId! })"
                queryParamsHandling="merge"
                [attr.aria-label]="'Every line of request ' + line().requestId"
                >{{ line().requestId }}</a
              >
            } @else {
              None
            }
          </dd>
        </div>
        <div>
          <dt>Correlation id</dt>
          <dd>
            @if (line().correlationId) {
              <a
                [routerLink]="[]"
                [queryParams]="everyLineOf({ correlationId: line().correlationId! })"
                queryParamsHandling="merge"
                [attr.aria-label]="'Every line of correlation id ' + line().correlationId"
                >{{ line().correlationId }}</a
              >
            } @else {
              None
            }
          </dd>
        </div>
        @if (line().fields) {
          <div class="wide">
            <dt>Fields</dt>
            <dd>
              <pre>{{ line().fields | json }}</pre>
            </dd>
          </div>
        }
      </dl>
      <a [routerLink]="[]" [queryParams]="{ context: line().id }" queryParamsHandling="merge">Lines around this one</a>
    </details>
  `,
  styleUrl: './log-line.component.css',
})
export class LogLineComponent {
  readonly line = input.required<LogLine>();
  protected readonly levelLabels = logLevelLabels;
  protected readonly colours = logLevelColours;

  /** The query that shows every line of this request (or correlation id): that id alone, in the same range. */
  protected everyLineOf(id: { requestId: string } | { correlationId: string }) {
    return {
      requestId: null,
      correlationId: null,
      level: null,
      service: null,
      text: null,
      cursor: null,
      context: null,
      ...id,
    };
  }
}
