import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { injectFocus, problemMessage, queryResource } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { AdminOnlyNotice, Viewer } from '../viewer';

/**
 * One agency: its legal data, standing and suppliers. Admins correct the legal data, suspend or reactivate it (a
 * reason and a confirming step), and invite its supplier users; everyone else reads.
 */
@Component({
  selector: 'ab-agency-page',
  imports: [
    DatePipe,
    FormRoot,
    FormField,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    ErrorSummaryComponent,
    AdminOnlyNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/agencies">← All agencies</a></p>
    @if (agency.error(); as error) {
      <h1>Agency not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (agency.hasValue()) {
      @let a = agency.value()!;
      @let admin = viewer.isAdmin();
      <div class="ab-page-header">
        <div>
          <h1>{{ a.displayName }}</h1>
          <p class="ab-lead">
            @if (a.status === 'active') {
              <span class="ab-badge ab-badge--good">Active</span>
            } @else {
              <span class="ab-badge ab-badge--bad">Suspended</span>
              Sales of its launches are paused and its suppliers can only read.
            }
          </p>
        </div>
        @if (a.auditHistory.allowed) {
          <a
            class="ab-button ab-button--secondary"
            routerLink="/audit"
            [queryParams]="{ targetType: 'agency', targetId: a.id }"
            >Audit history</a
          >
        } @else {
          <p class="ab-hint">Audit history: {{ a.auditHistory.reason }}</p>
        }
      </div>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>
      @if (!admin) {
        <ab-admin-only-notice what="edit its legal data, suspend or reactivate it, or invite its supplier users" />
      }

      <section class="ab-panel ab-section" aria-labelledby="legal-title">
        <h2 id="legal-title">Legal data</h2>
        @if (editingLegal()) {
          @let fields = legal.fields;
          <form class="ab-form" [formRoot]="fields" aria-labelledby="legal-title">
            <ab-error-summary [for]="legal" [level]="3" />
            <ab-field for="legal-name" label="Legal name">
              <input abControl [formField]="fields.legalName" />
            </ab-field>
            <ab-field for="tax-id" label="Tax id">
              <input abControl [formField]="fields.taxId" />
            </ab-field>
            <ab-field for="legal-address" label="Legal address">
              <textarea abControl rows="3" [formField]="fields.legalAddress"></textarea>
            </ab-field>
            <div class="ab-actions">
              <button type="submit" [disabled]="legal.busy()">Save legal data</button>
              <button type="button" class="ab-button--secondary" (click)="editingLegal.set(false)">Cancel</button>
            </div>
          </form>
        } @else {
          <dl class="ab-facts ab-facts--tiles">
            <div>
              <dt>Legal name</dt>
              <dd>{{ a.legalName }}</dd>
            </div>
            <div>
              <dt>Tax id</dt>
              <dd>{{ a.taxId }}</dd>
            </div>
            <div>
              <dt>Legal address</dt>
              <dd class="ab-address">{{ a.legalAddress }}</dd>
            </div>
            <div>
              <dt>Contact e-mail</dt>
              <dd>
                <a [href]="'mailto:' + a.contactEmail">{{ a.contactEmail }}</a>
              </dd>
            </div>
            <div>
              <dt>Onboarded</dt>
              <dd>
                <time [attr.datetime]="a.onboardedAt">{{ a.onboardedAt | date: 'd MMM y' : 'UTC' }}</time>
              </dd>
            </div>
          </dl>
          <p class="description">{{ a.description }}</p>
          @if (admin) {
            <div class="ab-actions">
              <button type="button" class="ab-button--secondary" (click)="editLegal()">Edit legal data</button>
            </div>
          }
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="counts-title">
        <h2 id="counts-title">Activity</h2>
        <dl class="ab-facts ab-facts--tiles">
          <div>
            <dt>Active rockets</dt>
            <dd>{{ a.counts.rockets }}</dd>
          </div>
          <div>
            <dt>Launches</dt>
            <dd>{{ a.counts.launches }}</dd>
          </div>
          <div>
            <dt>Upcoming launches</dt>
            <dd>{{ a.counts.upcomingLaunches }}</dd>
          </div>
          <div>
            <dt>Confirmed bookings</dt>
            <dd>{{ a.counts.confirmedBookings }}</dd>
          </div>
        </dl>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="standing-title">
        <h2 id="standing-title" tabindex="-1">Standing</h2>
        @if (a.statusHistory.length === 0) {
          <p>{{ a.status === 'active' ? 'Never suspended.' : 'Suspended before the audit trail began.' }}</p>
        } @else {
          <ol class="history">
            @for (change of a.statusHistory; track $index) {
              <li>
                <strong>{{ change.status === 'suspended' ? 'Suspended' : 'Reactivated' }}</strong>
                on <time [attr.datetime]="change.at">{{ change.at | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</time> by
                {{ change.by }}
                @if (change.reason) {
                  : {{ change.reason }}
                }
              </li>
            }
          </ol>
        }
        @if (admin) {
          @let suspending = a.status === 'active';
          @if (confirming()) {
            @let fields = standing.fields;
            <form class="ab-form" [formRoot]="fields" aria-labelledby="confirm-title">
              <h3 id="confirm-title" tabindex="-1">
                {{ suspending ? 'Suspend ' + a.displayName + '?' : 'Reactivate ' + a.displayName + '?' }}
              </h3>
              <p>
                @if (suspending) {
                  Its launches stop selling seats in the catalogue ("Sales paused") and its suppliers can sign in and
                  read but change nothing. Bookings already made stand.
                } @else {
                  Its launches sell seats again and its suppliers can make changes again.
                }
              </p>
              <ab-error-summary [for]="standing" [level]="4" />
              <ab-field for="standing-reason" label="Reason" hint="It stays on the agency’s history.">
                <textarea abControl rows="3" [formField]="fields.reason"></textarea>
              </ab-field>
              <div class="ab-actions">
                <button type="submit" [class]="suspending ? 'ab-button--danger' : ''" [disabled]="standing.busy()">
                  {{ suspending ? 'Yes, suspend ' + a.displayName : 'Yes, reactivate ' + a.displayName }}
                </button>
                <button type="button" class="ab-button--secondary" (click)="confirming.set(false)">
                  {{ suspending ? 'Keep it active' : 'Keep it suspended' }}
                </button>
              </div>
            </form>
          } @else {
            <div class="ab-actions">
              <button type="button" [class]="suspending ? 'ab-button--danger' : ''" (click)="confirm()">
                {{ suspending ? 'Suspend agency' : 'Reactivate agency' }}
              </button>
            </div>
          }
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="suppliers-title">
        <h2 id="suppliers-title">Supplier users</h2>
        @if (a.suppliers.length === 0) {
          <p>No supplier user yet.</p>
        } @else {
          <div class="ab-table-region" role="region" aria-labelledby="suppliers-title" tabindex="0">
            <table class="ab-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Account</th>
                </tr>
              </thead>
              <tbody>
                @for (user of a.suppliers; track user.id) {
                  <tr>
                    <td>{{ user.name }}</td>
                    <td>{{ user.email }}</td>
                    <td>
                      @if (user.invited) {
                        <span class="ab-badge ab-badge--warn">Invited</span>
                      } @else {
                        <span class="ab-badge ab-badge--good">Active</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        @if (admin) {
          @let fields = invitation.fields;
          <form class="ab-form" [formRoot]="fields" aria-labelledby="invite-title">
            <h3 id="invite-title">Invite a supplier user</h3>
            <p class="ab-hint">
              They get an e-mail with a link to choose a password and sign in to the supplier portal.
            </p>
            <ab-error-summary [for]="invitation" [level]="4" />
            <div class="ab-form-row">
              <ab-field for="invite-name" label="Full name">
                <input abControl [formField]="fields.name" autocomplete="off" />
              </ab-field>
              <ab-field for="invite-email" label="E-mail address">
                <input abControl type="email" [formField]="fields.email" autocomplete="off" />
              </ab-field>
            </div>
            <div class="ab-actions">
              <button type="submit" [disabled]="invitation.busy()">Send invitation</button>
            </div>
          </form>
        }
      </section>
    } @else {
      <h1>Agency</h1>
      <p class="ab-notice" role="status">Loading the agency…</p>
    }
  `,
  styles: `
    .ab-section .ab-form {
      padding: 0;
    }
    .ab-facts {
      --ab-fact-width: 14rem;
    }
    .ab-facts dd {
      font-weight: 600;
    }
    .description {
      white-space: pre-line;
    }
  `,
})
export class AgencyPage {
  private readonly api = injectApi();
  private readonly focus = injectFocus();
  protected readonly viewer = inject(Viewer);
  /** From the route, `agencies/:agencyId`. */
  readonly agencyId = input.required<string>();
  /** From the query, `?onboarded=1`, right after onboarding. */
  readonly onboarded = input<string>();

  protected readonly agency = queryResource({
    id: 'admin.agencies.detail',
    params: () => ({ agencyId: this.agencyId() }),
    loader: ({ params }) => this.api.agencies.detail.query(params),
    namedByTheAddress: true,
  });
  protected readonly said = signal('');
  protected readonly editingLegal = signal(false);
  protected readonly confirming = signal(false);

  private readonly legalData = signal({ legalName: '', taxId: '', legalAddress: '' });
  protected readonly legal = injectSubmission(this.legalData, {
    save: async (legal) => {
      await this.api.agencies.updateLegal.mutate({ agencyId: this.agencyId(), ...legal });
      this.editingLegal.set(false);
      this.done('Saved the legal data.');
    },
  });

  private readonly reason = signal({ reason: '' });
  protected readonly standing = injectSubmission(this.reason, {
    save: async ({ reason }) => {
      const agency = this.agency.value()!;
      const input = { agencyId: agency.id, reason };
      const { status } =
        agency.status === 'active'
          ? await this.api.agencies.suspend.mutate(input)
          : await this.api.agencies.reactivate.mutate(input);
      this.confirming.set(false);
      this.reason.set({ reason: '' });
      this.done(
        status === 'suspended'
          ? `Suspended ${agency.displayName}. Its sales pause in the catalogue within seconds.`
          : `Reactivated ${agency.displayName}. Its sales resume within seconds.`,
      );
      this.focus('#standing-title');
    },
  });

  private readonly invited = signal({ name: '', email: '' });
  protected readonly invitation = injectSubmission(this.invited, {
    save: async ({ name, email }) => {
      const created = await this.api.users.create.mutate({
        name,
        email,
        roles: ['supplier'],
        agencyId: this.agencyId(),
      });
      this.invited.set({ name: '', email: '' });
      this.done(`Sent an invitation to ${created.email}.`);
    },
  });

  constructor() {
    effect(() => {
      if (this.onboarded()) this.said.set('Onboarded the agency. Invite its first supplier user below.');
    });
  }

  protected editLegal(): void {
    const agency = this.agency.value()!;
    this.legalData.set({ legalName: agency.legalName, taxId: agency.taxId, legalAddress: agency.legalAddress });
    this.legal.clear();
    this.editingLegal.set(true);
  }

  protected confirm(): void {
    this.standing.clear();
    this.confirming.set(true);
    this.focus('#confirm-title');
  }

  private done(message: string): void {
    this.said.set(message);
    this.agency.reload();
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
