import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AuditAction, AuditEntryView, AuditTarget } from '@astro/api';
import { cursorAsked, FilterFormComponent, problemMessage } from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { injectApi } from '../api';
import { actionLabel, entityPage, targetLabel } from './audit-labels';

const pageSize = 25;
const isDay = (value: string | undefined): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** A changed value as a person reads it: text as it is, anything else as JSON, nothing as a dash. */
const shown = (value: unknown): string =>
  value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** A stored field's name in words: `legalAddress` is "Legal address". */
const fieldLabel = (field: string): string => {
  const words = field.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Each field an entry changed, with its value before and after (a created thing has no before). */
const changesOf = (entry: AuditEntryView) =>
  [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].map((field) => ({
    field,
    label: fieldLabel(field),
    before: shown(entry.before?.[field]),
    after: shown(entry.after?.[field]),
  }));

/** Every audited action of employees, suppliers and operators (SPEC.md §8), newest first, filtered by the URL. */
@Component({
  selector: 'ab-audit-page',
  imports: [DatePipe, RouterLink, FieldComponent, FieldControlDirective, FilterFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Audit trail</h1>
        <p class="ab-lead">
          Who did what, to what, and when: every change an employee, a supplier or an operator made, newest first.
        </p>
      </div>
    </div>

    <ab-filter-form label="Filter the audit trail" submit="Show entries" clearTo="/audit">
      <div class="ab-form-row">
        <ab-field for="filter-actor" label="Who">
          <select abControl name="actor">
            <option value="" [selected]="!actor()">Anyone</option>
            @for (each of choices.value()?.actors ?? []; track each) {
              <option [value]="each" [selected]="actor() === each">{{ each }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-action" label="Action">
          <select abControl name="action">
            <option value="" [selected]="!action()">Any action</option>
            @for (each of choices.value()?.actions ?? []; track each) {
              <option [value]="each" [selected]="action() === each">{{ actionLabel(each) }}</option>
            }
          </select>
        </ab-field>
        <ab-field
          for="filter-target-type"
          label="Done to"
          [hint]="bookingsOnly() ? 'Your role sees the history of bookings only.' : undefined"
        >
          <select abControl name="targetType">
            <option value="" [selected]="!targetType()">Anything</option>
            @for (each of choices.value()?.targetTypes ?? []; track each) {
              <option [value]="each" [selected]="targetType() === each">{{ targetLabel(each) }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-target-id" label="Its id">
          <input abControl name="targetId" [value]="targetId() ?? ''" autocomplete="off" spellcheck="false" />
        </ab-field>
        <ab-field for="filter-from" label="From (UTC)">
          <input abControl name="from" type="date" [value]="params().from ?? ''" />
        </ab-field>
        <ab-field for="filter-to" label="Until (UTC)">
          <input abControl name="to" type="date" [value]="params().to ?? ''" />
        </ab-field>
      </div>
    </ab-filter-form>

    @if (trail.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (trail.hasValue()) {
      @let page = trail.value();
      <ol class="entries" aria-label="Audit entries">
        @for (entry of page.entries; track entry.id) {
          <li class="ab-panel entry">
            <h2 class="entry-title">
              {{ actionLabel(entry.action) }}
              <span class="ab-hint">
                · {{ targetLabel(entry.target.type) }}
                @if (entityPage(entry.target.type, entry.target.id); as link) {
                  <a [routerLink]="link"
                    ><code>{{ entry.target.id }}</code></a
                  >
                } @else {
                  <code>{{ entry.target.id }}</code>
                }
              </span>
            </h2>
            <dl class="ab-facts ab-facts--tiles">
              <div>
                <dt>Who</dt>
                <dd>
                  {{ entry.actor.email }} ({{ entry.actor.role }})
                  <span class="ab-hint"
                    >account <code>{{ entry.actor.accountId }}</code></span
                  >
                </dd>
              </div>
              <div>
                <dt>When</dt>
                <dd>
                  <time [attr.datetime]="entry.at">{{ entry.at | date: 'd MMM y, HH:mm:ss' : 'UTC' }} UTC</time>
                </dd>
              </div>
              <div>
                <dt>Reason</dt>
                <dd>{{ entry.reason ?? 'None given' }}</dd>
              </div>
              <div>
                <dt>Correlation id</dt>
                <dd>
                  @if (entry.correlationId) {
                    <code>{{ entry.correlationId }}</code>
                  } @else {
                    None
                  }
                </dd>
              </div>
            </dl>
            @let changes = changesOf(entry);
            @if (changes.length > 0) {
              <div class="ab-table-region" role="region" [attr.aria-labelledby]="'changes-' + entry.id" tabindex="0">
                <table class="ab-table changes">
                  <caption [id]="'changes-' + entry.id" class="ab-visually-hidden">
                    Changed fields of this entry
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (change of changes; track change.field) {
                      <tr>
                        <th scope="row">{{ change.label }}</th>
                        <td>{{ change.before }}</td>
                        <td>{{ change.after }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            } @else {
              <p class="ab-hint">No field changed.</p>
            }
          </li>
        } @empty {
          <li class="ab-notice">No entries match these filters.</li>
        }
      </ol>
      <nav class="ab-actions pagination" aria-label="Pages of the audit trail">
        @if (page.newerCursor) {
          <a [routerLink]="[]" [queryParams]="{ newer: page.newerCursor, older: null }" queryParamsHandling="merge"
            >Newer entries</a
          >
        }
        @if (params().older || params().newer) {
          <a [routerLink]="[]" [queryParams]="{ newer: null, older: null }" queryParamsHandling="merge"
            >Newest entries</a
          >
        }
        @if (page.nextCursor) {
          <a [routerLink]="[]" [queryParams]="{ older: page.nextCursor, newer: null }" queryParamsHandling="merge"
            >Older entries</a
          >
        }
      </nav>
    } @else {
      <p class="ab-notice" role="status">Loading the audit trail…</p>
    }
  `,
  styles: `
    .entries {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--ab-space-4);
    }
    .entry {
      padding: var(--ab-space-4);
      min-width: 0;
    }
    .entry-title {
      font-size: 1.125rem;
      margin: 0 0 var(--ab-space-3);
      overflow-wrap: anywhere;
    }
    .ab-facts {
      --ab-fact-width: 12rem;
      margin: 0 0 var(--ab-space-3);
    }
    .ab-facts .ab-hint {
      display: block;
    }
    /* Values can be long (an address, a description): they wrap rather than widen the page. */
    .changes th,
    .changes td {
      padding: var(--ab-space-2) var(--ab-space-3);
      white-space: normal;
    }
    .changes td {
      overflow-wrap: anywhere;
    }
    .changes tbody th {
      font-size: inherit;
      text-transform: none;
      letter-spacing: normal;
      color: var(--ab-ink);
      background: none;
    }
    .pagination {
      margin-top: var(--ab-space-4);
    }
  `,
})
export class AuditPage {
  private readonly api = injectApi();

  // The filters and the page live in the URL (bound from its query), so a link shows exactly these entries.
  readonly actor = input<string>();
  readonly action = input<string>();
  readonly targetType = input<string>();
  readonly targetId = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  /** A page's cursors: the entries older, or newer, than the one it names. */
  readonly older = input<string>();
  readonly newer = input<string>();

  protected readonly actionLabel = actionLabel;
  protected readonly targetLabel = targetLabel;
  protected readonly entityPage = entityPage;
  protected readonly changesOf = changesOf;

  protected readonly choices = resource({ id: 'admin.audit.choices', loader: () => this.api.audit.choices.query() });
  protected readonly bookingsOnly = computed(() => {
    const types = this.choices.value()?.targetTypes;
    return types?.length === 1 && types[0] === 'booking';
  });

  /** The address's query as the API takes it; the API says what is wrong with a filter it refuses. */
  protected readonly params = computed(() => ({
    actorEmail: this.actor() || undefined,
    action: (this.action() || undefined) as AuditAction | undefined,
    targetType: (this.targetType() || undefined) as AuditTarget | undefined,
    targetId: this.targetId()?.trim() || undefined,
    from: isDay(this.from()) ? this.from() : undefined,
    to: isDay(this.to()) ? this.to() : undefined,
    older: cursorAsked(this.older()),
    newer: cursorAsked(this.older()) ? undefined : cursorAsked(this.newer()),
  }));

  protected readonly trail = resource({
    id: 'admin.audit.list',
    params: () => this.params(),
    loader: ({ params: { actorEmail, action, targetType, targetId, from, to, older, newer } }) =>
      this.api.audit.list.query({
        limit: pageSize,
        ...(actorEmail ? { actorEmail } : {}),
        ...(action ? { action } : {}),
        ...(targetType ? { targetType } : {}),
        ...(targetId ? { targetId } : {}),
        ...(from ? { from: new Date(`${from}T00:00:00.000Z`) } : {}),
        ...(to ? { to: new Date(`${to}T23:59:59.999Z`) } : {}),
        ...(older ? { cursor: older } : {}),
        ...(newer ? { newerThan: newer } : {}),
      }),
  });

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
