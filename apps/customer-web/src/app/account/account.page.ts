import { ChangeDetectionStrategy, Component, computed, effect, inject, resource, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import type { TravelerProfile } from '@astro/api';
import { seatLimits } from '@astro/domain';
import {
  FieldComponent,
  FieldControlDirective,
  injectInteractive,
  problemMessage,
  SignInPromptComponent,
} from '@astro/web-kit';
import { injectApi } from '../api';
import { Session } from '../session';
import { injectSubmission } from '../submission';

/** The Authentication Service's page that e-mails a link to set a new password. */
const changePasswordPath = '/auth/forgot-password';

const text = (value = '') => new FormControl(value, { nonNullable: true });

/** The traveler's profile: contact details, the person to call in an emergency, and preferences. */
@Component({
  selector: 'ab-account-page',
  imports: [ReactiveFormsModule, FieldComponent, FieldControlDirective, SignInPromptComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Account</h1>
        <p class="ab-lead">Your details for bookings and for the crew on launch day.</p>
      </div>
    </div>
    @if (session.traveler() === null) {
      <ab-sign-in-prompt purpose="see your account" returnTo="/account" />
    } @else if (profile.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (profile.hasValue()) {
      @let p = profile.value();
      <section class="ab-panel ab-section" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">
          Sign-in and status
          @if (p.vip) {
            <span class="ab-badge ab-badge--good">VIP traveler</span>
          }
        </h2>
        <dl class="ab-facts">
          <div>
            <dt>E-mail address</dt>
            <dd>{{ p.email }}</dd>
          </div>
          <div>
            <dt>Trips flown</dt>
            <dd>{{ p.tripsFlown }}</dd>
          </div>
        </dl>
        <p class="ab-hint">
          You sign in with this e-mail address.
          @if (p.vip) {
            As a VIP traveler you may book up to {{ seatLimits.vip }} seats at a time.
          } @else {
            From your second trip flown you become a VIP traveler and may book up to {{ seatLimits.vip }} seats at a
            time.
          }
        </p>
        <p><a [href]="changePasswordPath">Change your password</a> (we e-mail you a link to set a new one)</p>
      </section>

      @let errors = submission.errors();
      <form class="ab-panel ab-form" [formGroup]="form" (ngSubmit)="save()" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        @if (submission.problem(); as message) {
          <p class="ab-notice ab-notice--error" id="profile-problem" role="alert" tabindex="-1">{{ message }}</p>
        }
        <div class="ab-form-row">
          <ab-field for="profile-name" label="Full name" [error]="errors['name']">
            <input abControl formControlName="name" autocomplete="name" />
          </ab-field>
          <ab-field
            for="profile-phone"
            label="Phone"
            hint="With its country code, like +1 555 010 2030."
            [error]="errors['phone']"
          >
            <input abControl formControlName="phone" type="tel" autocomplete="tel" />
          </ab-field>
        </div>
        <fieldset class="ab-fieldset" formGroupName="emergencyContact">
          <legend>Emergency contact</legend>
          <p class="ab-hint">Who we call if something happens on launch day. Leave all three empty for nobody.</p>
          <div class="ab-form-row">
            <ab-field for="emergency-name" label="Name" [error]="errors['emergencyContact.name']">
              <input abControl formControlName="name" autocomplete="off" />
            </ab-field>
            <ab-field for="emergency-phone" label="Phone" [error]="errors['emergencyContact.phone']">
              <input abControl formControlName="phone" type="tel" autocomplete="off" />
            </ab-field>
            <ab-field
              for="emergency-relationship"
              label="Relationship"
              [error]="errors['emergencyContact.relationship']"
            >
              <input abControl formControlName="relationship" autocomplete="off" />
            </ab-field>
          </div>
        </fieldset>
        <fieldset class="ab-fieldset" formGroupName="preferences">
          <legend>Preferences</legend>
          <div class="ab-form-row">
            <ab-field for="time-zone" label="Time zone" [error]="errors['preferences.timeZone']">
              <select abControl formControlName="timeZone">
                @for (zone of timeZones(); track zone) {
                  <option [value]="zone">{{ zoneLabel(zone) }}</option>
                }
              </select>
            </ab-field>
          </div>
          <div class="check">
            <input id="newsletter" type="checkbox" formControlName="newsletter" />
            <label for="newsletter">Send me the newsletter about new launches</label>
          </div>
        </fieldset>
        <div class="ab-actions">
          <button type="submit" [disabled]="submission.busy() || !interactive()">Save profile</button>
          <span role="status">{{ said() }}</span>
        </div>
      </form>
    } @else {
      <p class="ab-notice" role="status">Loading your account…</p>
    }
  `,
  styles: `
    .ab-section {
      padding: var(--ab-space-4);
      margin-bottom: var(--ab-space-5);
    }
    .check {
      display: flex;
      align-items: center;
      gap: var(--ab-space-2);
      margin-top: var(--ab-space-4);
    }
    .check input {
      width: 1.25rem;
      height: 1.25rem;
      flex: none;
    }
  `,
})
export class AccountPage {
  private readonly api = injectApi();
  protected readonly session = inject(Session);
  protected readonly interactive = injectInteractive();
  protected readonly submission = injectSubmission('ab-account-page', 'profile-problem');
  protected readonly changePasswordPath = changePasswordPath;
  protected readonly seatLimits = seatLimits;

  protected readonly profile = resource({
    id: 'customer.account.profile',
    params: () => (this.session.traveler() ? {} : undefined),
    loader: () => this.api.account.profile.query(),
  });
  protected readonly form = new FormGroup({
    name: text(),
    phone: text(),
    emergencyContact: new FormGroup({ name: text(), phone: text(), relationship: text() }),
    preferences: new FormGroup({ timeZone: text('UTC'), newsletter: new FormControl(false, { nonNullable: true }) }),
  });
  protected readonly said = signal('');

  /**
   * The server's HTML lists only the saved zone; the browser lists every zone it knows. The two lists could
   * differ (each has its own time zone data), and hydration needs the server's markup to match.
   */
  protected readonly timeZones = computed(() => {
    const saved = this.profile.hasValue() ? this.profile.value().preferences.timeZone : 'UTC';
    if (!this.interactive()) return [saved];
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes(saved) ? known : [saved, ...known];
  });

  constructor() {
    effect(() => {
      if (this.profile.hasValue()) this.fill(this.profile.value());
    });
  }

  protected zoneLabel(zone: string): string {
    return zone.replaceAll('_', ' ');
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const contact = value.emergencyContact;
    this.said.set('');
    const outcome = await this.submission.run(() =>
      this.api.account.updateProfile.mutate({
        name: value.name,
        phone: value.phone.trim() || null,
        // All three empty means nobody; anything else is checked field by field.
        emergencyContact: contact.name.trim() || contact.phone.trim() || contact.relationship.trim() ? contact : null,
        preferences: value.preferences,
      }),
    );
    if (!outcome.ok) return;
    this.profile.set(outcome.value);
    this.said.set('Profile saved.');
  }

  private fill(profile: TravelerProfile): void {
    this.form.setValue({
      name: profile.name,
      phone: profile.phone ?? '',
      emergencyContact: {
        name: profile.emergencyContact?.name ?? '',
        phone: profile.emergencyContact?.phone ?? '',
        relationship: profile.emergencyContact?.relationship ?? '',
      },
      preferences: { timeZone: profile.preferences.timeZone, newsletter: profile.preferences.newsletter },
    });
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
