import { ChangeDetectionStrategy, Component, effect, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { formProblems, problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';

/** The agency's profile: contact details and description are the supplier's; legal data is shown only. */
@Component({
  selector: 'ab-agency-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (agency.error(); as error) {
      <h1>Agency profile</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (agency.hasValue()) {
      @let a = agency.value();
      <h1>{{ a.displayName }}</h1>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>
      <form class="ab-panel ab-form" (ngSubmit)="save()" aria-labelledby="profile-title" novalidate>
        <h2 id="profile-title">Contact and description</h2>
        @if (problemSaid(); as message) {
          <p class="ab-notice ab-notice--error" role="alert">{{ message }}</p>
        }
        <div class="ab-field">
          <label for="contact-email">Contact e-mail</label>
          <input
            id="contact-email"
            name="contactEmail"
            type="email"
            autocomplete="email"
            [(ngModel)]="contactEmail"
            [attr.aria-invalid]="!!errors()['contactEmail']"
            [attr.aria-describedby]="errors()['contactEmail'] ? 'contact-email-error' : null"
          />
          @if (errors()['contactEmail']; as error) {
            <p class="ab-field-error" id="contact-email-error">{{ error }}</p>
          }
        </div>
        <div class="ab-field">
          <label for="description">Description</label>
          <p class="ab-hint" id="description-hint">Travelers see this on your launches. Up to 2,000 characters.</p>
          <textarea
            id="description"
            name="description"
            rows="5"
            [(ngModel)]="description"
            aria-describedby="description-hint"
            [attr.aria-invalid]="!!errors()['description']"
          ></textarea>
          @if (errors()['description']; as error) {
            <p class="ab-field-error">{{ error }}</p>
          }
        </div>
        <div class="ab-actions"><button type="submit" [disabled]="saving()">Save profile</button></div>
      </form>
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
  protected readonly agency = resource({ id: 'supplier.agency.get', loader: () => this.api.agency.get.query() });
  protected contactEmail = '';
  protected description = '';
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly problemSaid = signal<string | null>(null);
  protected readonly said = signal('');
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const agency = this.agency.value();
      if (agency) {
        this.contactEmail = agency.contactEmail;
        this.description = agency.description;
      }
    });
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    try {
      await this.api.agency.update.mutate({ contactEmail: this.contactEmail, description: this.description });
      this.errors.set({});
      this.problemSaid.set(null);
      this.said.set('Saved your agency profile.');
    } catch (error) {
      const { fields, summary } = formProblems(error);
      this.errors.set(fields);
      this.problemSaid.set(summary);
    } finally {
      this.saving.set(false);
    }
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
