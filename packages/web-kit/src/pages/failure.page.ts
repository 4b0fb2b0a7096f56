import { ChangeDetectionStrategy, Component, RESPONSE_INIT, inject, input } from '@angular/core';

/**
 * What a person sees when the host failed unexpectedly on their request: an apology, what to do, and the
 * request id that finds the request's log lines, in the app's frame.
 */
@Component({
  selector: 'ab-failure-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Something went wrong on our side</h1>
    <p>We could not show this page. Please try again in a moment.</p>
    <p>If it keeps happening, contact Astro Bookings support and quote this reference.</p>
    <p>
      Reference: <strong class="reference">{{ requestId() }}</strong>
    </p>
    <p><a href="./">Go to the start page</a></p>
  `,
  styles: `
    .reference {
      font-family: ui-monospace, monospace;
      overflow-wrap: anywhere;
    }
  `,
})
export class FailurePage {
  readonly requestId = input.required<string>();

  constructor() {
    const response = inject(RESPONSE_INIT, { optional: true });
    if (response) response.status = 500;
  }
}
