/** Who is signed in to the employee portal, and what a page tells someone whose role does not allow an action. */
import { ChangeDetectionStrategy, Component, computed, Injectable, input, resource } from '@angular/core';
import { injectApi } from './api';

@Injectable({ providedIn: 'root' })
export class Viewer {
  private readonly api = injectApi();
  /** Rendered on the server and handed to the browser with the page (one query for the shell and every page). */
  readonly me = resource({ id: 'me', loader: () => this.api.me.query() });
  readonly known = computed(() => this.me.hasValue());
  readonly isAdmin = computed(() => (this.me.hasValue() && this.me.value()?.roles.includes('admin')) ?? false);
  /** Finance and admins keep the books (SPEC.md §6); support has no business there. */
  readonly keepsTheBooks = computed(
    () =>
      (this.me.hasValue() && this.me.value()?.roles.some((role) => role === 'finance' || role === 'admin')) ?? false,
  );
}

/** Says why an action is missing from the page: only admins may do it (SPEC.md §2). */
@Component({
  selector: 'ab-admin-only-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="ab-notice">Only admins can {{ what() }}. Ask an admin if it needs doing.</p>`,
})
export class AdminOnlyNotice {
  readonly what = input.required<string>();
}
