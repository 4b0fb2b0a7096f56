import { DOCUMENT } from '@angular/common';
import { afterNextRender, inject, Injector } from '@angular/core';

/**
 * Moves focus, once the next render has put it on the page, to the first element found for the selectors, in
 * their order: the heading of a new step, or the first field the server refused, then its message. Keyboard
 * and screen reader users then continue where the change happened.
 */
export function injectFocus(): (...selectors: string[]) => void {
  const injector = inject(Injector);
  const document = inject(DOCUMENT);
  return (...selectors) =>
    afterNextRender(
      () => {
        for (const selector of selectors) {
          const element = document.querySelector<HTMLElement>(selector);
          if (element) return element.focus();
        }
      },
      { injector },
    );
}
