import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EmailKind, EmailStatus } from '@astro/api';
import { cursorAsked, FilterFormComponent, problemMessage } from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { injectApi } from '../api';
import { emailStatusBadges, emailStatuses, emailStatusLabels } from './email-labels';

const pageSize = 25;

/** The e-mail outbox: how many wait, went out or failed, and each e-mail newest first, filtered by the URL. */
@Component({
  selector: 'ab-emails-page',
  imports: [DatePipe, RouterLink, FieldComponent, FieldControlDirective, FilterFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>E-mail queue</h1>
        <p class="ab-lead">
          Every e-mail the system queued, newest first: who it is for, whether it went out, and how often the sender
          tried.
        </p>
      </div>
    </div>

    @if (counts.value(); as c) {
      <dl class="counts" aria-label="E-mails by status">
        @for (status of statuses; track status) {
          <div class="ab-panel count">
            <dt>{{ labels[status] }}</dt>
            <dd>
              <a [routerLink]="[]" [queryParams]="{ status, cursor: null }" queryParamsHandling="merge">{{
                c[status]
              }}</a>
            </dd>
          </div>
        }
      </dl>
    }

    <ab-filter-form label="Filter e-mails" submit="Show e-mails" clearTo="/email">
      <div class="ab-form-row">
        <ab-field for="filter-recipient" label="Recipient" hint="Any part of the address.">
          <input
            abControl
            name="recipient"
            type="search"
            [value]="recipient() ?? ''"
            autocomplete="off"
            spellcheck="false"
          />
        </ab-field>
        <ab-field for="filter-kind" label="Kind">
          <select abControl name="kind">
            <option value="" [selected]="!params().kind">Any kind</option>
            @for (each of counts.value()?.kinds ?? []; track each) {
              <option [value]="each" [selected]="params().kind === each">{{ each }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-status" label="Status">
          <select abControl name="status">
            <option value="" [selected]="!params().status">Any status</option>
            @for (each of statuses; track each) {
              <option [value]="each" [selected]="params().status === each">{{ labels[each] }}</option>
            }
          </select>
        </ab-field>
      </div>
    </ab-filter-form>

    @if (queue.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (queue.hasValue()) {
      @let page = queue.value();
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="emails-caption" tabindex="0">
        <table class="ab-table">
          <caption id="emails-caption" class="ab-visually-hidden">
            E-mails, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col" class="ab-number">Attempts</th>
              <th scope="col">Queued (UTC)</th>
            </tr>
          </thead>
          <tbody>
            @for (email of page.emails; track email.id) {
              <tr>
                <td class="recipient">
                  <a
                    [routerLink]="['/email', email.id]"
                    [attr.aria-label]="email.kind + ' e-mail to ' + email.recipient"
                    >{{ email.recipient }}</a
                  >
                </td>
                <td>{{ email.kind }}</td>
                <td>
                  <span [class]="badges[email.status]">{{ labels[email.status] }}</span>
                </td>
                <td class="ab-number">{{ email.attempts }}</td>
                <td>
                  <time [attr.datetime]="email.createdAt">{{ email.createdAt | date: 'd MMM y, HH:mm' : 'UTC' }}</time>
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5">No e-mails match these filters.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <nav class="ab-actions pagination" aria-label="Pages of the e-mail queue">
        @if (params().cursor) {
          <a [routerLink]="[]" [queryParams]="{ cursor: null }" queryParamsHandling="merge">Newest e-mails</a>
        }
        @if (page.nextCursor) {
          <a [routerLink]="[]" [queryParams]="{ cursor: page.nextCursor }" queryParamsHandling="merge">Older e-mails</a>
        }
      </nav>
    } @else {
      <p class="ab-notice" role="status">Loading the e-mail queue…</p>
    }
  `,
  styles: `
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
      gap: var(--ab-space-3);
      margin: 0 0 var(--ab-space-4);
    }
    .count {
      padding: var(--ab-space-3) var(--ab-space-4);
    }
    .count dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 600;
    }
    .recipient {
      overflow-wrap: anywhere;
    }
    .pagination {
      margin-top: var(--ab-space-4);
    }
  `,
})
export class EmailsPage {
  private readonly api = injectApi();

  // The filters and the page live in the URL (bound from its query), so a link shows exactly these e-mails.
  readonly recipient = input<string>();
  readonly kind = input<string>();
  readonly status = input<string>();
  /** Where the page starts: the e-mails queued before the one it names. */
  readonly cursor = input<string>();

  protected readonly statuses = emailStatuses;
  protected readonly labels = emailStatusLabels;
  protected readonly badges = emailStatusBadges;

  protected readonly counts = resource({ id: 'ops.email.counts', loader: () => this.api.email.counts.query() });

  /** The address's query as the API takes it; the API says what is wrong with a filter it refuses. */
  protected readonly params = computed(() => ({
    recipient: this.recipient()?.trim() || undefined,
    kind: (this.kind() || undefined) as EmailKind | undefined,
    status: (this.status() || undefined) as EmailStatus | undefined,
    cursor: cursorAsked(this.cursor()),
  }));

  protected readonly queue = resource({
    id: 'ops.email.list',
    params: () => this.params(),
    loader: ({ params: { recipient, kind, status, cursor } }) =>
      this.api.email.list.query({
        limit: pageSize,
        ...(recipient ? { recipient } : {}),
        ...(kind ? { kind } : {}),
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      }),
  });

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
