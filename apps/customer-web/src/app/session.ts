import { computed, Injectable, resource } from '@angular/core';
import { injectApi } from './api';

/** Who is signed in to the customer site: asked once per page load, on the server, and handed to the browser. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = injectApi();
  readonly me = resource({ id: 'me', loader: () => this.api.me.query() });
  /** The signed-in traveler; null for a visitor; undefined while not yet known. */
  readonly traveler = computed(() => {
    if (this.me.error()) return null;
    return this.me.hasValue() ? this.me.value() : undefined;
  });
}
