import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { AdminOnlyNotice, Viewer } from '../viewer';

/** Onboarding a launch provider (admins): its legal and public data; the server checks every field. */
@Component({
  selector: 'ab-onboard-agency-page',
  imports: [
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
    <h1>Onboard an agency</h1>
    @if (viewer.isAdmin()) {
      @let fields = agency.fields;
      <form class="ab-panel ab-form" [formRoot]="fields" aria-labelledby="onboard-title">
        <h2 id="onboard-title" class="ab-visually-hidden">The agency’s details</h2>
        <ab-error-summary [for]="agency" />
        <ab-field for="display-name" label="Display name" hint="What travelers see on its launches.">
          <input abControl [formField]="fields.displayName" autocomplete="organization" />
        </ab-field>
        <ab-field for="legal-name" label="Legal name" hint="As registered; it goes on invoices.">
          <input abControl [formField]="fields.legalName" />
        </ab-field>
        <ab-field for="tax-id" label="Tax id" hint="For example US-84-2039117.">
          <input abControl [formField]="fields.taxId" autocapitalize="characters" />
        </ab-field>
        <ab-field for="legal-address" label="Legal address">
          <textarea abControl rows="3" [formField]="fields.legalAddress" autocomplete="street-address"></textarea>
        </ab-field>
        <ab-field
          for="contact-email"
          label="Contact e-mail"
          hint="Where Astro Bookings and travelers reach the agency."
        >
          <input abControl type="email" [formField]="fields.contactEmail" autocomplete="email" />
        </ab-field>
        <ab-field for="description" label="Description" hint="Travelers read it. Up to 2,000 characters.">
          <textarea abControl rows="4" [formField]="fields.description"></textarea>
        </ab-field>
        <div class="ab-actions">
          <button type="submit" [disabled]="agency.busy()">Onboard agency</button>
          <a class="ab-button ab-button--secondary" routerLink="/agencies">Cancel</a>
        </div>
      </form>
    } @else if (viewer.known()) {
      <ab-admin-only-notice what="onboard an agency" />
    }
  `,
})
export class OnboardAgencyPage {
  private readonly api = injectApi();
  private readonly router = inject(Router);
  protected readonly viewer = inject(Viewer);
  private readonly typed = signal({
    displayName: '',
    legalName: '',
    taxId: '',
    legalAddress: '',
    contactEmail: '',
    description: '',
  });
  protected readonly agency = injectSubmission(this.typed, {
    save: async (details) => {
      const { id } = await this.api.agencies.onboard.mutate(details);
      await this.router.navigate(['/agencies', id], { queryParams: { onboarded: 1 } });
    },
  });
}
