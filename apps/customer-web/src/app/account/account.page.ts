import { ChangeDetectionStrategy, Component, computed, effect, inject, resource, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import type { TravelerProfile } from '@astro/api';
import { seatLimits } from '@astro/domain';
import { injectInteractive, problemMessage, SignInPromptComponent } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { Session } from '../session';

/** The Authentication Service's page that e-mails a link to set a new password. */
const changePasswordPath = '/auth/forgot-password';

/** The profile as the form edits it: an empty text stands for "none". */
const blankProfile = {
  name: '',
  phone: '',
  emergencyContact: { name: '', phone: '', relationship: '' },
  preferences: { timeZone: 'UTC', newsletter: false },
};

/** The traveler's profile: contact details, the person to call in an emergency, and preferences. */
@Component({
  selector: 'ab-account-page',
  imports: [FormRoot, FormField, FieldComponent, FieldControlDirective, ErrorSummaryComponent, SignInPromptComponent],
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

      @let fields = profileForm.fields;
      <form class="ab-panel ab-form" [formRoot]="fields" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <ab-error-summary [for]="profileForm" [level]="3" />
        <div class="ab-form-row">
          <ab-field for="profile-name" label="Full name">
            <input abControl [formField]="fields.name" autocomplete="name" />
          </ab-field>
          <ab-field for="profile-phone" label="Phone" hint="With its country code, like +1 555 010 2030.">
            <input abControl [formField]="fields.phone" type="tel" autocomplete="tel" />
          </ab-field>
        </div>
        <fieldset class="ab-fieldset">
          <legend>Emergency contact</legend>
          <p class="ab-hint">Who we call if something happens on launch day. Leave all three empty for nobody.</p>
          <div class="ab-form-row">
            <ab-field for="emergency-name" label="Name">
              <input abControl [formField]="fields.emergencyContact.name" autocomplete="off" />
            </ab-field>
            <ab-field for="emergency-phone" label="Phone">
              <input abControl [formField]="fields.emergencyContact.phone" type="tel" autocomplete="off" />
            </ab-field>
            <ab-field for="emergency-relationship" label="Relationship">
              <input abControl [formField]="fields.emergencyContact.relationship" autocomplete="off" />
            </ab-field>
          </div>
        </fieldset>
        <fieldset class="ab-fieldset">
          <legend>Preferences</legend>
          <div class="ab-form-row">
            <ab-field for="time-zone" label="Time zone">
              <select abControl [formField]="fields.preferences.timeZone">
                @for (zone of timeZones(); track zone) {
                  <option [value]="zone">{{ zoneLabel(zone) }}</option>
                }
              </select>
            </ab-field>
          </div>
          <div class="check">
            <input id="newsletter" type="checkbox" [formField]="fields.preferences.newsletter" />
            <label for="newsletter">Send me the newsletter about new launches</label>
          </div>
        </fieldset>
        <div class="ab-actions">
          <button type="submit" [disabled]="profileForm.busy() || !interactive()">Save profile</button>
          <span role="status">{{ said() }}</span>
        </div>
      </form>
    } @else {
      <p class="ab-notice" role="status">Loading your account…</p>
    }
  `,
  styles: `
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
  protected readonly changePasswordPath = changePasswordPath;
  protected readonly seatLimits = seatLimits;

  protected readonly profile = resource({
    id: 'customer.account.profile',
    params: () => (this.session.traveler() ? {} : undefined),
    loader: () => this.api.account.profile.query(),
  });
  private readonly edited = signal(blankProfile);
  protected readonly profileForm = injectSubmission(this.edited, { save: (edited) => this.save(edited) });
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

  private async save(edited: typeof blankProfile): Promise<void> {
    const contact = edited.emergencyContact;
    this.said.set('');
    const saved = await this.api.account.updateProfile.mutate({
      name: edited.name,
      phone: edited.phone.trim() || null,
      // All three empty means nobody; anything else is checked field by field.
      emergencyContact: contact.name.trim() || contact.phone.trim() || contact.relationship.trim() ? contact : null,
      preferences: edited.preferences,
    });
    this.profile.set(saved);
    this.said.set('Profile saved.');
  }

  private fill(profile: TravelerProfile): void {
    this.edited.set({
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
