import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import { problemMessage } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { AgencyStanding } from '../agency-standing';
import { injectApi } from '../api';

/** The agency's profile: contact details and description are the supplier's; legal data is shown only. */
@Component({
  selector: 'ab-agency-page',
  imports: [FormRoot, FormField, FieldComponent, FieldControlDirective, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (agency.error(); as error) {
      <h1>Agency profile</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (agency.hasValue()) {
      @let a = agency.value();
      <h1>{{ a.displayName }}</h1>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>
      @if (standing.suspended()) {
        <section class="ab-panel ab-form" aria-labelledby="profile-title">
          <h2 id="profile-title">Contact and description</h2>
          <dl>
            <dt>Contact e-mail</dt>
            <dd>{{ a.contactEmail }}</dd>
            <dt>Description</dt>
            <dd>{{ a.description }}</dd>
          </dl>
        </section>
      } @else {
        <form class="ab-panel ab-form" [formRoot]="contact.fields" aria-labelledby="profile-title">
          <h2 id="profile-title">Contact and description</h2>
          <ab-error-summary [for]="contact" [level]="3" />
          <ab-field for="contact-email" label="Contact e-mail">
            <input abControl type="email" autocomplete="email" [formField]="contact.fields.contactEmail" />
          </ab-field>
          <ab-field
            for="description"
            label="Description"
            hint="Travelers see this on your launches. Up to 2,000 characters."
          >
            <textarea abControl rows="5" [formField]="contact.fields.description"></textarea>
          </ab-field>
          <div class="ab-actions"><button type="submit" [disabled]="contact.busy()">Save profile</button></div>
        </form>
      }
      <section class="ab-panel ab-form" aria-labelledby="legal-title">
        <h2 id="legal-title">Legal data</h2>
        <p class="ab-hint">It appears on your invoices. To change it, ask Astro Bookings staff.</p>
        <dl>
          <dt>Legal name</dt>
          <dd>{{ a.legal.legalName }}</dd>
          <dt>Tax id</dt>
          <dd>{{ a.legal.taxId }}</dd>
          <dt>Legal address</dt>
          <dd>{{ a.legal.legalAddress }}</dd>
        </dl>
      </section>
    } @else {
      <h1>Agency profile</h1>
      <p class="ab-notice" role="status">Loading your agency…</p>
    }
  `,
  styles: `
    form {
      margin-bottom: var(--ab-space-5);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0 0 var(--ab-space-3);
    }
  `,
})
export class AgencyPage {
  private readonly api = injectApi();
  protected readonly standing = inject(AgencyStanding);
  protected readonly agency = this.standing.agency;
  private readonly edited = signal({ contactEmail: '', description: '' });
  protected readonly contact = injectSubmission(this.edited, {
    save: async (edited) => {
      await this.api.agency.update.mutate(edited);
      this.said.set('Saved your agency profile.');
    },
  });
  protected readonly said = signal('');

  constructor() {
    effect(() => {
      const agency = this.agency.value();
      if (agency) this.edited.set({ contactEmail: agency.contactEmail, description: agency.description });
    });
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
