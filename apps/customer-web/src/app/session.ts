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

/** The host's sign-in route (a server route, not an app route), coming back to `returnTo` afterwards. */
export const signInPath = (returnTo: string) => `/session/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
