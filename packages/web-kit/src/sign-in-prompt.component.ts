import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * The host's sign-in route of the app (a server route, not an app route), coming back to `returnTo`, a path on the
 * host such as `/bookings`, afterwards. Relative, as the shell's sign-in link is, so it resolves against the app's
 * base address.
 */
export const signInPath = (returnTo: string) => `session/sign-in?returnTo=${encodeURIComponent(returnTo)}`;

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
