import {
  ChangeDetectionStrategy,
  Component,
  PLATFORM_ID,
  REQUEST_CONTEXT,
  TransferState,
  inject,
  makeStateKey,
} from '@angular/core';
import { isPlatformServer } from '@angular/common';
import { RouterOutlet } from '@angular/router';
import type { SsrRequestContext } from '../ssr-context.ts';
import { FailurePage } from './failure.page.ts';

const failureKey = makeStateKey<SsrRequestContext['failure'] | null>('ab-failure');

/**
 * Where each app shows its pages: the routed page, or the failure page when the host renders this request
 * after an unexpected error (kept in the transfer state, so the browser keeps showing it after hydration).
 */
@Component({
  selector: 'ab-page-outlet',
  imports: [RouterOutlet, FailurePage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failure; as failed) {
      <ab-failure-page [requestId]="failed.requestId" />
    } @else {
      <router-outlet />
    }
  `,
})
export class PageOutletComponent {
  protected readonly failure = failureOfThisRequest();
}

function failureOfThisRequest(): SsrRequestContext['failure'] | null {
  const state = inject(TransferState);
  if (!isPlatformServer(inject(PLATFORM_ID))) return state.get(failureKey, null);
  const failure = (inject(REQUEST_CONTEXT, { optional: true }) as SsrRequestContext | null)?.failure ?? null;
  state.set(failureKey, failure);
  return failure;
}
