import { afterNextRender, signal, type Signal } from '@angular/core';

/**
 * False in the server's HTML, true once the page runs in the browser. Only then is the visitor's time zone
 * known; and forms keep their buttons disabled until then, because before hydration a submit would be the
 * browser's own, putting what was typed into the page's address.
 */
export function injectInteractive(): Signal<boolean> {
  const interactive = signal(false);
  afterNextRender(() => interactive.set(true));
  return interactive.asReadonly();
}
