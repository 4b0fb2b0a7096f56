import { ChangeDetectionStrategy, Component, RESPONSE_INIT, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Every app's answer to an address it has no page for: a real 404 during server rendering, in the app's frame. */
@Component({
  selector: 'ab-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. The link may be mistyped, or the page may have moved.</p>
    <p><a routerLink="/">Go to the start page</a></p>
  `,
})
export class NotFoundPage {
  constructor() {
    // Only set while the server renders; in the browser there is no response to shape.
    const response = inject(RESPONSE_INIT, { optional: true });
    if (response) response.status = 404;
  }
}
