import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  resource,
  signal,
} from '@angular/core';
import { form, FormField, FormRoot } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import type { AccountStatus, StaffRole } from '@astro/api';
import { pageAsked, pageCount, PagerComponent, problemMessage } from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  type FieldProblems,
} from '@astro/web-kit/forms';
import { injectApi } from '../api';
import {
  accountStatuses,
  chosenRoles,
  roleChoice,
  roleLabels,
  rolesInWords,
  staffRoles,
  statusBadge,
  statusLabels,
  type RoleChoice,
} from './account-labels';

const pageSize = 25;

interface Invitation {
  name: string;
  email: string;
  roles: RoleChoice;
  agencyId: string;
}
const noInvitation = (): Invitation => ({ name: '', email: '', roles: roleChoice([]), agencyId: '' });

/** Every employee, supplier and operator account: searched and filtered by the address, paged by the server. */
@Component({
  selector: 'ab-users-page',
  imports: [
    DatePipe,
    FormRoot,
    FormField,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    ErrorSummaryComponent,
    PagerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Users</h1>
        <p class="ab-lead">Everyone who signs in to the portals: employees, suppliers and operators.</p>
      </div>
    </div>

    <form class="ab-panel ab-form" [formRoot]="filter" aria-label="Find accounts">
      <div class="ab-form-row">
        <ab-field for="filter-search" label="Name or e-mail">
          <input abControl type="search" [formField]="filter.search" />
        </ab-field>
        <ab-field for="filter-role" label="Role">
          <select abControl [formField]="filter.role">
            <option value="">Any role</option>
            @for (role of roles; track role) {
              <option [value]="role">{{ roleLabels[role] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-status" label="Status">
          <select abControl [formField]="filter.status">
            <option value="">Any status</option>
            @for (status of statuses; track status) {
              <option [value]="status">{{ statusLabels[status] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-agency" label="Agency">
          <select abControl [formField]="filter.agency">
            <option value="">Any agency</option>
            @for (agency of agencies.value()?.agencies ?? []; track agency.id) {
              <option [value]="agency.id">{{ agency.displayName }}</option>
            }
          </select>
        </ab-field>
      </div>
      <div class="ab-actions">
        <button type="submit">Show accounts</button>
        <a routerLink="/users" class="ab-button ab-button--secondary">Clear filters</a>
      </div>
    </form>

    @if (users.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (users.hasValue()) {
      @let result = users.value();
      <p role="status">{{ result.total }} {{ result.total === 1 ? 'account matches' : 'accounts match' }}.</p>
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="users-caption" tabindex="0">
        <table class="ab-table">
          <caption id="users-caption" class="ab-visually-hidden">
            Accounts, page
            {{
              result.page
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Roles</th>
              <th scope="col">Agency</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in (UTC)</th>
            </tr>
          </thead>
          <tbody>
            @for (user of result.users; track user.id) {
              <tr>
                <td>
                  <a [routerLink]="['/users', user.id]">{{ user.name }}</a>
                </td>
                <td class="ab-email">{{ user.email }}</td>
                <td>{{ rolesInWords(user.roles) }}</td>
                <td>{{ user.agency?.name ?? '—' }}</td>
                <td>
                  <span [class]="statusBadge[user.status]">{{ statusLabels[user.status] }}</span>
                </td>
                <td>
                  @if (user.lastSignInAt) {
                    <time [attr.datetime]="user.lastSignInAt">{{
                      user.lastSignInAt | date: 'd MMM y, HH:mm' : 'UTC'
                    }}</time>
                  } @else {
                    Never
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">No account matches these filters.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <ab-pager [page]="result.page" [pages]="pages()" label="Pages of accounts" />
    } @else {
      <p class="ab-notice" role="status">Loading accounts…</p>
    }

    <section class="ab-panel ab-section" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a person</h2>
      <p class="ab-hint">They get an e-mail with a link to set their password; the link lasts 7 days.</p>
      @let fields = invite.fields;
      <form class="ab-form" [formRoot]="fields" aria-labelledby="invite-title">
        <ab-error-summary [for]="invite" [level]="3" />
        <div class="ab-form-row">
          <ab-field for="invite-name" label="Full name">
            <input abControl autocomplete="off" [formField]="fields.name" />
          </ab-field>
          <ab-field for="invite-email" label="E-mail">
            <input abControl type="email" autocomplete="off" [formField]="fields.email" />
          </ab-field>
        </div>
        <fieldset class="ab-fieldset">
          <legend>Roles</legend>
          @for (role of roles; track role) {
            <label class="ab-choice">
              <input type="checkbox" [formField]="fields.roles[role]" />
              {{ roleLabels[role] }}
            </label>
          }
        </fieldset>
        @if (fields.roles.supplier().value()) {
          <ab-field for="invite-agency" label="Agency" hint="The agency this supplier acts for.">
            <select abControl [formField]="fields.agencyId">
              <option value="">Choose an agency</option>
              @for (agency of agencies.value()?.agencies ?? []; track agency.id) {
                <option [value]="agency.id">{{ agency.displayName }}</option>
              }
            </select>
          </ab-field>
        }
        <div class="ab-actions">
          <button type="submit" [disabled]="invite.busy()">Send the invitation</button>
        </div>
      </form>
      <p role="status" [class]="invited() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">
        @if (invited(); as done) {
          Invitation sent to {{ done.email }}. <a [routerLink]="['/users', done.id]">Open the account</a>
        }
      </p>
    </section>
  `,
  styles: `
    /* Below the list rather than between sections: space above it, none below. */
    .ab-section {
      margin: var(--ab-space-5) 0 0;
    }
    .ab-form {
      margin-bottom: var(--ab-space-4);
    }
    .ab-email {
      overflow-wrap: anywhere;
    }
  `,
})
export class UsersPage {
  private readonly api = injectApi();
  private readonly router = inject(Router);
  protected readonly roles = staffRoles;
  protected readonly roleLabels = roleLabels;
  protected readonly statuses = accountStatuses;
  protected readonly statusLabels = statusLabels;
  protected readonly statusBadge = statusBadge;
  protected readonly rolesInWords = rolesInWords;

  /** The filters, from the address (`?q=&role=&status=&agency=&page=`), so a link shows what one sees. */
  readonly q = input<string>();
  readonly role = input<string>();
  readonly status = input<string>();
  readonly agency = input<string>();
  readonly page = input<string>();

  private readonly params = computed(() => ({
    ...(this.q() ? { search: this.q() } : {}),
    ...(staffRoles.includes(this.role() as StaffRole) ? { role: this.role() as StaffRole } : {}),
    ...(accountStatuses.includes(this.status() as AccountStatus) ? { status: this.status() as AccountStatus } : {}),
    ...(this.agency() ? { agencyId: this.agency() } : {}),
    page: pageAsked(this.page()),
    pageSize,
  }));

  /** The form shows the filters the address holds, also after Back and Forward. */
  protected readonly filter = form(
    linkedSignal(() => ({
      search: this.q() ?? '',
      role: this.role() ?? '',
      status: this.status() ?? '',
      agency: this.agency() ?? '',
    })),
    { submission: { action: async () => this.apply() } },
  );

  protected readonly agencies = resource({ id: 'admin.agencies.list', loader: () => this.api.agencies.list.query() });
  protected readonly users = resource({
    id: 'admin.users.list',
    params: () => this.params(),
    loader: ({ params }) => this.api.users.list.query(params),
  });
  protected readonly pages = computed(() => pageCount(this.users.value()?.total, pageSize));

  private async apply(): Promise<void> {
    const { search, role, status, agency } = this.filter().value();
    await this.router.navigate(['/users'], {
      queryParams: { q: search.trim() || null, role: role || null, status: status || null, agency: agency || null },
    });
  }

  protected readonly invited = signal<{ id: string; email: string } | null>(null);
  private readonly invitation = signal<Invitation>(noInvitation());
  protected readonly invite = injectSubmission(this.invitation, {
    check: (value): FieldProblems => (chosenRoles(value.roles).length ? {} : { roles: 'Choose at least one role.' }),
    save: async (value) => {
      const roles = chosenRoles(value.roles);
      const created = await this.api.users.create.mutate({
        name: value.name,
        email: value.email,
        roles,
        agencyId: roles.includes('supplier') && value.agencyId ? value.agencyId : null,
      });
      this.invited.set({ id: created.id, email: created.email });
      this.invitation.set(noInvitation());
      this.users.reload();
    },
  });

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
