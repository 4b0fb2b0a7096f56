/** Pages oidc-provider renders itself: the sign-out step, the signed-out page and protocol errors. */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { html, page, SafeHtml } from './layout.ts';

/** `reference`: the request's id, for a protocol error, that finds its log lines when a person quotes it. */
export function errorPage(options: { title: string; message: string; reference?: string | null }): string {
  return page({
    title: options.title,
    body: html`<p>${options.message}</p>
      ${
        options.reference
          ? html`<p>If it keeps happening, contact Astro Bookings support and quote this reference.</p>
              <p>Reference: <strong>${options.reference}</strong></p>`
          : ''
      }
      <p><a href="/">Go to Astro Bookings</a></p>`,
  });
}

/**
 * An app that signs out sends its ID token as a hint, so the step continues by itself (with a script the
 * CSP allows through its nonce). Without a hint, the person is asked, so no other site can sign them out.
 */
export function signOutPage(form: string, ctx: KoaContextWithOIDC): string {
  const hinted = Boolean(ctx.oidc.params?.['id_token_hint']);
  const nonce = (ctx.res as { locals?: { cspNonce?: string } }).locals?.cspNonce;
  return page({
    title: 'Sign out of Astro Bookings?',
    body: html`${new SafeHtml(form)}
      <p>You will be signed out of every Astro Bookings app in this browser.</p>
      <div class="actions">
        <button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
        <button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>
      </div>
      ${
        hinted
          ? html`<script nonce="${nonce ?? ''}">
              document.forms['op.logoutForm'].insertAdjacentHTML(
                'beforeend',
                '<input type="hidden" name="logout" value="yes">',
              );
              document.forms['op.logoutForm'].submit();
            </script>`
          : ''
      }`,
  });
}
