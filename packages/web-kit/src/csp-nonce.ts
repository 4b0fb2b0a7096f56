/**
 * Puts the nonce on every inline script and style the render produced (the event-replay contract, critical
 * CSS, component styles) and on the root element, where the browser app reads it for styles it adds later.
 * Angular's own CSP_NONCE token does not reach the critical-CSS step (angular/angular-cli#30191).
 */
export function withCspNonce(html: string, nonce: string): string {
  return html
    .replace(/<(script|style)(?![^>]*\snonce=)(?=[\s>])/g, `<$1 nonce="${nonce}"`)
    .replace(/<ab-root(?=[\s>])/, `<ab-root ngCspNonce="${nonce}"`);
}
