import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { injectInteractive } from './interactive.ts';

const parts: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};
const utc = new Intl.DateTimeFormat('en-GB', { ...parts, timeZone: 'UTC' });

/**
 * A moment in the visitor's own time zone, named. Only the browser knows that zone, so the server's HTML
 * says UTC until the page runs in the browser.
 */
@Component({
  selector: 'ab-local-time',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<time [attr.datetime]="at()">{{ text() }}</time>`,
})
export class LocalTimeComponent {
  /** ISO 8601. */
  readonly at = input.required<string>();
  private readonly inBrowser = injectInteractive();
  protected readonly text = computed(() =>
    (this.inBrowser() ? new Intl.DateTimeFormat(undefined, parts) : utc).format(new Date(this.at())),
  );
}
