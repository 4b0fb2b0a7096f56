/** The interaction pages: sign in, create an account, confirm the e-mail, forgotten and new password. */
import { alert, field, html, notice, page, type SafeHtml } from './layout.ts';

const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;

export interface FormState {
  csrf: string;
  values?: Record<string, string>;
  problem?: string;
  fieldErrors?: Record<string, string>;
  notice?: string;
}

export function signInPage(
  state: FormState & { action: string; clientName: string; offerRegistration: boolean; abortAction: string },
): string {
  return page({
    title: 'Sign in',
    body: html`<p>to continue to ${state.clientName}</p>
      ${notice(state.notice)} ${alert(state.problem)}
      <form method="post" action="${state.action}" novalidate>
        ${csrfField(state.csrf)}
        ${field({
          name: 'email',
          label: 'E-mail address',
          type: 'email',
          autocomplete: 'username',
          value: state.values?.['email'],
          autofocus: !state.values?.['email'],
        })}
        ${field({
          name: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'current-password',
          autofocus: Boolean(state.values?.['email']),
        })}
        <div class="actions"><button type="submit">Sign in</button></div>
      </form>
      <div class="links">
        <a href="/auth/forgot-password">Forgot your password?</a>
        ${state.offerRegistration ? html`<a href="/auth/register">Create an account</a>` : ''}
        <form method="post" action="${state.abortAction}">
          ${csrfField(state.csrf)}<button type="submit" class="secondary">Cancel</button>
        </form>
      </div>`,
  });
}

export function registerPage(state: FormState): string {
  const errors = state.fieldErrors ?? {};
  return page({
    title: 'Create your account',
    body: html`${alert(state.problem)}
      <form method="post" action="/auth/register" novalidate>
        ${csrfField(state.csrf)}
        ${field({ name: 'name', label: 'Full name', autocomplete: 'name', value: state.values?.['name'], error: errors['name'], autofocus: true })}
        ${field({ name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'email', value: state.values?.['email'], error: errors['email'] })}
        ${field({
          name: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'new-password',
          hint: 'At least 10 characters.',
          error: errors['password'],
        })}
        <div class="actions"><button type="submit">Create account</button></div>
      </form>
      <div class="links"><a href="/session/sign-in">I already have an account</a></div>`,
  });
}

export function messagePage(options: { title: string; message: string; links?: SafeHtml }): string {
  return page({
    title: options.title,
    body: html`<p>${options.message}</p>
      ${options.links ?? ''}`,
  });
}

export function resendVerificationPage(state: FormState): string {
  return page({
    title: 'Confirm your e-mail address',
    body: html`${notice(state.notice)} ${alert(state.problem)}
      <p>Open the link we e-mailed you. If it has not arrived, we can send it again.</p>
      <form method="post" action="/auth/verify-email/resend" novalidate>
        ${csrfField(state.csrf)}
        ${field({ name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'email', value: state.values?.['email'] })}
        <div class="actions"><button type="submit">Send the link again</button></div>
      </form>`,
  });
}

export function forgotPasswordPage(state: FormState): string {
  return page({
    title: 'Forgot your password?',
    body: html`${notice(state.notice)} ${alert(state.problem)}
      <p>Enter your e-mail address and we will send you a link to choose a new password.</p>
      <form method="post" action="/auth/forgot-password" novalidate>
        ${csrfField(state.csrf)}
        ${field({ name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'email', value: state.values?.['email'], autofocus: true })}
        <div class="actions"><button type="submit">Send me a link</button></div>
      </form>`,
  });
}

export function resetPasswordPage(state: FormState & { token: string }): string {
  return page({
    title: 'Choose a new password',
    body: html`${alert(state.problem)}
      <form method="post" action="/auth/reset-password" novalidate>
        ${csrfField(state.csrf)}
        <input type="hidden" name="token" value="${state.token}" />
        ${field({
          name: 'password',
          label: 'New password',
          type: 'password',
          autocomplete: 'new-password',
          hint: 'At least 10 characters.',
          error: state.fieldErrors?.['password'],
          autofocus: true,
        })}
        <div class="actions"><button type="submit">Save password</button></div>
      </form>`,
  });
}

/** An invitation's sign-in step: the invited person chooses a password, and is signed in with it. */
export function choosePasswordPage(state: FormState & { action: string; clientName: string }): string {
  return page({
    title: 'Choose your password',
    body: html`<p>Welcome to the ${state.clientName}. Choose the password you will sign in with from now on.</p>
      ${alert(state.problem)}
      <form method="post" action="${state.action}" novalidate>
        ${csrfField(state.csrf)}
        ${field({
          name: 'password',
          label: 'New password',
          type: 'password',
          autocomplete: 'new-password',
          hint: 'At least 10 characters.',
          error: state.fieldErrors?.['password'],
          autofocus: true,
        })}
        <div class="actions"><button type="submit">Save password and sign in</button></div>
      </form>`,
  });
}

export function consentPage(
  state: FormState & { clientName: string; scopes: string[]; action: string; abortAction: string },
): string {
  return page({
    title: `Allow ${state.clientName}?`,
    body: html`<p>${state.clientName} asks to see:</p>
      <ul>
        ${state.scopes.map((scope) => html`<li>${scope}</li>`)}
      </ul>
      <div class="actions">
        <form method="post" action="${state.action}">${csrfField(state.csrf)}<button type="submit">Allow</button></form>
        <form method="post" action="${state.abortAction}">
          ${csrfField(state.csrf)}<button type="submit" class="secondary">Deny</button>
        </form>
      </div>`,
  });
}
