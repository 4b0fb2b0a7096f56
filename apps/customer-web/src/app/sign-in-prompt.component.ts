import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { signInPath } from './session';

/** What a visitor sees on a traveler's page: why to sign in, and a way back here afterwards. */
@Component({
  selector: 'ab-sign-in-prompt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-notice prompt">
      <p>Sign in to {{ purpose() }}. New to Astro Bookings? You can create an account on the sign-in page.</p>
      <a class="ab-button" [href]="href()">Sign in to {{ purpose() }}</a>
    </div>
  `,
  styles: `
    .prompt p {
      margin-top: 0;
    }
  `,
})
export class SignInPromptComponent {
  /** Finishes "Sign in to …", e.g. "see your bookings". */
  readonly purpose = input.required<string>();
  /** The page to come back to, e.g. `/bookings`. */
  readonly returnTo = input.required<string>();
  protected readonly href = computed(() => signInPath(this.returnTo()));
}
