import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, signal } from '@angular/core';
import { disabled, FormField, FormRoot } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { problemMessage, queryResource } from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  type FieldProblems,
} from '@astro/web-kit/forms';
import { injectApi } from '../api';
import {
  chosenRoles,
  roleChoice,
  roleLabels,
  rolesInWords,
  staffRoles,
  statusBadge,
  statusLabels,
} from './account-labels';

/** One account: where it stands, its roles, and what an admin may do with it now (or why not). */
@Component({
  selector: 'ab-user-page',
  imports: [DatePipe, FormRoot, FormField, RouterLink, FieldComponent, FieldControlDirective, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/users">← All users</a></p>
    @if (user.error(); as error) {
      <h1>Account not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (user.hasValue()) {
      @let u = user.value();
      <div class="ab-page-header">
        <div>
          <h1>{{ u.name }}</h1>
          <p class="ab-lead">
            <span [class]="statusBadge[u.status]">{{ statusLabels[u.status] }}</span>
            <span class="ab-email"> {{ u.email }}</span>
          </p>
        </div>
        <a
          class="ab-button ab-button--secondary"
          routerLink="/audit"
          [queryParams]="{ targetType: 'account', targetId: u.id }"
          >Audit history</a
        >
      </div>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>

      <section class="ab-panel ab-section" aria-labelledby="facts-title">
        <h2 id="facts-title">Account</h2>
        <dl class="ab-facts ab-facts--tiles">
          <div>
            <dt>Roles</dt>
            <dd>{{ rolesInWords(u.roles) }}</dd>
          </div>
          <div>
            <dt>Agency</dt>
            <dd>{{ u.agency?.name ?? '—' }}</dd>
          </div>
          <div>
            <dt>Last sign-in (UTC)</dt>
            <dd>{{ u.lastSignInAt ? (u.lastSignInAt | date: 'd MMM y, HH:mm' : 'UTC') : 'Never' }}</dd>
          </div>
          <div>
            <dt>Created (UTC)</dt>
            <dd>{{ u.createdAt | date: 'd MMM y' : 'UTC' }}</dd>
          </div>
        </dl>
        @if (u.status === 'invited') {
          <p class="ab-notice">Invited: no password has been set yet.</p>
        }
        @if (u.status === 'locked') {
          <p class="ab-notice">
            Locked after too many failed sign-ins, until {{ u.lockedUntil | date: 'd MMM y, HH:mm' : 'UTC' }} UTC.
          </p>
        }
        @if (u.deactivatedAt) {
          <p class="ab-notice ab-notice--error">
            Deactivated on {{ u.deactivatedAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC: {{ u.deactivationReason }}
          </p>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="roles-title">
        <h2 id="roles-title">Roles</h2>
        <form class="ab-form" [formRoot]="rolesForm.fields" aria-labelledby="roles-title">
          <ab-error-summary [for]="rolesForm" [level]="3" />
          <fieldset class="ab-fieldset">
            <legend>What this account may do</legend>
            @for (role of roles; track role) {
              <label class="ab-choice">
                <input type="checkbox" [formField]="rolesForm.fields[role]" [attr.aria-describedby]="hintOf(role, u)" />
                {{ roleLabels[role] }}
              </label>
            }
            @if (u.roles.includes('admin') && !u.actions.removeAdmin.allowed) {
              <p id="admin-hint" class="ab-hint">{{ u.actions.removeAdmin.reason }}</p>
            }
          </fieldset>
          @if (u.agency) {
            <p class="ab-hint">As a supplier, this account acts for {{ u.agency.name }}.</p>
          } @else {
            <p id="supplier-hint" class="ab-hint">
              Supplier is for accounts of an agency: invite a supplier with their agency from the Users page.
            </p>
          }
          <div class="ab-actions">
            <button type="submit" [disabled]="rolesForm.busy()">Save roles</button>
          </div>
        </form>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="access-title">
        <h2 id="access-title">Access</h2>
        @if (u.deactivatedAt) {
          <h3>Reactivate</h3>
          <form class="ab-form" [formRoot]="reactivation.fields" aria-label="Reactivate the account">
            <ab-error-summary [for]="reactivation" [level]="4" />
            <ab-field for="reactivate-reason" label="Reason">
              <input abControl [formField]="reactivation.fields.reason" />
            </ab-field>
            <div class="ab-actions">
              @if (confirming() === 'reactivate') {
                <button type="submit" [disabled]="reactivation.busy()">Yes, reactivate {{ u.name }}</button>
                <button type="button" class="ab-button--secondary" (click)="confirming.set(null)">Cancel</button>
              } @else {
                <button type="button" (click)="confirming.set('reactivate')">Reactivate account…</button>
              }
            </div>
          </form>
        } @else {
          <h3>Deactivate</h3>
          @if (u.actions.deactivate.allowed) {
            <p class="ab-hint">
              {{ u.name }} is signed out of every app at once and cannot sign in until the account is reactivated.
            </p>
            <form class="ab-form" [formRoot]="deactivation.fields" aria-label="Deactivate the account">
              <ab-error-summary [for]="deactivation" [level]="4" />
              <ab-field for="deactivate-reason" label="Reason">
                <input abControl [formField]="deactivation.fields.reason" />
              </ab-field>
              <div class="ab-actions">
                @if (confirming() === 'deactivate') {
                  <button type="submit" class="ab-button--danger" [disabled]="deactivation.busy()">
                    Yes, deactivate {{ u.name }}
                  </button>
                  <button type="button" class="ab-button--secondary" (click)="confirming.set(null)">
                    Keep the account active
                  </button>
                } @else {
                  <button type="button" class="ab-button--danger" (click)="confirming.set('deactivate')">
                    Deactivate account…
                  </button>
                }
              </div>
            </form>
          } @else {
            <p class="ab-notice">{{ u.actions.deactivate.reason }}</p>
          }
        }

        <h3>Sign-in</h3>
        <ab-error-summary [for]="signInHelp" [level]="4" />
        <div class="ab-actions">
          @if (u.actions.unlock.allowed) {
            <button type="button" [disabled]="signInHelp.busy()" (click)="signInHelp.submit(unlock)">
              Unlock account
            </button>
          }
          @if (u.actions.sendPasswordReset.allowed) {
            <button
              type="button"
              class="ab-button--secondary"
              [disabled]="signInHelp.busy()"
              (click)="signInHelp.submit(sendReset)"
            >
              {{ u.status === 'invited' ? 'Send the invitation again' : 'Send a password reset' }}
            </button>
          }
        </div>
        @if (!u.actions.unlock.allowed) {
          <p class="ab-hint">{{ u.actions.unlock.reason }}</p>
        }
        @if (!u.actions.sendPasswordReset.allowed) {
          <p class="ab-hint">{{ u.actions.sendPasswordReset.reason }}</p>
        }
      </section>
    } @else {
      <h1>Account</h1>
      <p class="ab-notice" role="status">Loading the account…</p>
    }
  `,
  styles: `
    .ab-email {
      overflow-wrap: anywhere;
    }
    .ab-facts {
      --ab-fact-width: 10rem;
    }
    .ab-facts dd {
      font-weight: 700;
    }
  `,
})
export class UserPage {
  private readonly api = injectApi();
  /** From the route, `users/:userId`. */
  readonly userId = input.required<string>();
  protected readonly roles = staffRoles;
  protected readonly roleLabels = roleLabels;
  protected readonly statusLabels = statusLabels;
  protected readonly statusBadge = statusBadge;
  protected readonly rolesInWords = rolesInWords;

  protected readonly user = queryResource({
    id: 'admin.users.detail',
    params: () => ({ userId: this.userId() }),
    loader: ({ params }) => this.api.users.detail.query(params),
    namedByTheAddress: true,
  });

  protected readonly said = signal('');
  protected readonly confirming = signal<'deactivate' | 'reactivate' | null>(null);

  /** The roles as the account holds them, until the admin changes a box. */
  private readonly chosen = linkedSignal(() => roleChoice(this.user.value()?.roles ?? []));
  private readonly customer = computed(() => this.user.value()?.roles.includes('customer') ?? false);
  /** The admin box cannot be cleared while the rules keep the role (the only admin, oneself). */
  private readonly adminKept = computed(() => {
    const user = this.user.value();
    return Boolean(user?.roles.includes('admin') && !user.actions.removeAdmin.allowed);
  });
  protected readonly rolesForm = injectSubmission(this.chosen, {
    rules: (root) => {
      disabled(root.admin, { when: () => this.adminKept() });
      disabled(root.supplier, { when: () => !this.user.value()?.agency });
    },
    check: (value): FieldProblems => (chosenRoles(value).length ? {} : { admin: 'Choose at least one role.' }),
    save: (value) =>
      this.done(
        this.api.users.setRoles.mutate({
          userId: this.userId(),
          roles: [...chosenRoles(value), ...(this.customer() ? (['customer'] as const) : [])],
        }),
        'Roles saved.',
      ),
  });
  protected readonly deactivation = injectSubmission(signal({ reason: '' }), {
    save: ({ reason }) =>
      this.done(this.api.users.deactivate.mutate({ userId: this.userId(), reason }), 'Account deactivated.'),
  });
  protected readonly reactivation = injectSubmission(signal({ reason: '' }), {
    save: ({ reason }) =>
      this.done(this.api.users.reactivate.mutate({ userId: this.userId(), reason }), 'Account reactivated.'),
  });
  protected readonly signInHelp = injectSubmission(signal(null));

  protected readonly unlock = () =>
    this.done(this.api.users.unlock.mutate({ userId: this.userId() }), 'Account unlocked: it can sign in again.');
  protected readonly sendReset = async () => {
    const { sent, to } = await this.api.users.sendPasswordReset.mutate({ userId: this.userId() });
    this.said.set(
      sent === 'invitation' ? `A new invitation was sent to ${to}.` : `A password reset link was sent to ${to}.`,
    );
  };

  /** Says what was done and shows the account as it now stands. */
  private async done(change: Promise<unknown>, message: string): Promise<void> {
    this.said.set('');
    await change;
    this.confirming.set(null);
    for (const form of [this.rolesForm, this.deactivation, this.reactivation, this.signInHelp]) form.clear();
    this.said.set(message);
    this.user.reload();
  }

  /** The hint that says why a role's box cannot change, if it cannot. */
  protected hintOf(role: string, user: { agency: unknown }): string | null {
    if (role === 'admin') return this.adminKept() ? 'admin-hint' : null;
    return role === 'supplier' && !user.agency ? 'supplier-hint' : null;
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
