import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { problemMessage, queryResource } from '@astro/web-kit';
import { ErrorSummaryComponent, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { emailStatusBadges, emailStatusLabels } from './email-labels';

/** One e-mail as its recipient gets it (subject, HTML, plain text), what the sender made of it, and a resend. */
@Component({
  selector: 'ab-email-page',
  imports: [DatePipe, RouterLink, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/email">← All e-mails</a></p>
    @if (detail.error(); as error) {
      <h1>E-mail not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (detail.hasValue()) {
      @let e = detail.value();
      <div class="ab-page-header">
        <div>
          <h1>{{ e.message?.subject ?? e.kind }}</h1>
          <p class="ab-lead">
            <span [class]="badges[e.status]">{{ labels[e.status] }}</span>
            {{ e.kind }} e-mail to <span class="recipient">{{ e.recipient }}</span>
          </p>
        </div>
      </div>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>

      <section class="ab-panel ab-section" aria-labelledby="delivery-title">
        <h2 id="delivery-title">Delivery</h2>
        <dl class="ab-facts">
          <dt>Queued (UTC)</dt>
          <dd>
            <time [attr.datetime]="e.createdAt">{{ e.createdAt | date: 'd MMM y, HH:mm:ss' : 'UTC' }}</time>
          </dd>
          <dt>Attempts</dt>
          <dd>{{ e.attempts }}</dd>
          <dt>Sent (UTC)</dt>
          <dd>
            @if (e.sentAt) {
              <time [attr.datetime]="e.sentAt">{{ e.sentAt | date: 'd MMM y, HH:mm:ss' : 'UTC' }}</time>
            } @else {
              Not yet
            }
          </dd>
          <dt>Last error</dt>
          <dd class="error">{{ e.lastError ?? 'None' }}</dd>
        </dl>

        <h3>Resend</h3>
        @if (!e.resend.allowed) {
          <p class="ab-hint">{{ e.resend.reason }}</p>
        } @else if (confirming()) {
          <div class="ab-confirm">
            <ab-error-summary [for]="resend" [level]="4" />
            <p>
              The sender delivers this e-mail to {{ e.recipient }} again within seconds, with its attempts counted from
              zero. The operators' audit trail records that you did.
            </p>
            <div class="ab-actions">
              <button type="button" [disabled]="resend.busy()" (click)="resend.submit(confirmResend)">
                Confirm resend
              </button>
              <button type="button" class="ab-button--secondary" (click)="confirming.set(false)">Back</button>
            </div>
          </div>
        } @else {
          <p class="ab-hint">
            {{ e.status === 'failed' ? 'Once its cause is fixed' : 'When the recipient did not get it' }}, the sender
            can deliver it again.
          </p>
          <div class="ab-actions">
            <button type="button" class="ab-button--secondary" (click)="confirming.set(true)">Resend…</button>
          </div>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="message-title">
        <h2 id="message-title">As the recipient sees it</h2>
        @if (e.message; as m) {
          <p>
            Subject: <strong>{{ m.subject }}</strong>
          </p>
          <h3>HTML</h3>
          <!-- Sandboxed without scripts, forms or navigation: the message is shown, never run. -->
          <iframe
            class="html"
            sandbox=""
            [title]="'The e-mail “' + m.subject + '” as HTML'"
            [srcdoc]="trusted(m.html)"
          ></iframe>
          <h3 id="text-title">Plain text</h3>
          <pre class="text" tabindex="0" aria-labelledby="text-title">{{ m.text }}</pre>
        } @else {
          <p class="ab-notice ab-notice--error">{{ e.renderProblem }}</p>
        }
      </section>
    } @else {
      <p class="ab-notice" role="status">Loading the e-mail…</p>
    }
  `,
  styles: `
    .recipient,
    .error {
      overflow-wrap: anywhere;
    }
    .html {
      display: block;
      width: 100%;
      min-height: 32rem;
      border: 1px solid var(--ab-border);
      background: #fff;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0;
    }
  `,
})
export class EmailPage {
  private readonly api = injectApi();
  private readonly sanitizer = inject(DomSanitizer);

  /** The e-mail's id, from the address. */
  readonly id = input.required<string>();

  protected readonly labels = emailStatusLabels;
  protected readonly badges = emailStatusBadges;

  protected readonly detail = queryResource({
    id: 'ops.email.get',
    params: () => ({ emailId: this.id() }),
    loader: ({ params }) => this.api.email.get.query(params),
    namedByTheAddress: true,
  });

  protected readonly said = signal('');
  protected readonly confirming = signal(false);
  // Refused (resent by someone else meanwhile): the page shows the e-mail as it now stands, and why.
  protected readonly resend = injectSubmission(signal(null), { refused: () => this.detail.reload() });

  protected readonly confirmResend = async (): Promise<void> => {
    await this.api.email.resend.mutate({ emailId: this.id() });
    this.confirming.set(false);
    this.said.set(
      `The e-mail is queued again for ${this.detail.value()?.recipient}: the sender delivers it within seconds.`,
    );
    this.detail.reload();
  };

  /**
   * The HTML goes into a sandboxed frame that runs nothing and cannot navigate, so the page's sanitizer, which would
   * strip the e-mail's inline styles, is not what keeps it safe.
   */
  protected trusted(html: string): SafeHtml {
    return this.sanitizer.bypassSecurityTrustHtml(html);
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
