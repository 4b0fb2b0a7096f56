import { describe, expect, it } from 'vitest';
import { withCspNonce } from './csp-nonce.ts';

describe('the nonce in server-rendered pages', () => {
  it('goes on every inline script and style and on the root element, once', () => {
    const page =
      '<style ng-app-id="ng">a{}</style><script type="module" src="main.js"></script>' +
      '<script>boot()</script><script nonce="kept">x()</script><ab-root ng-version="22"></ab-root><styles-x></styles-x>';
    expect(withCspNonce(page, 'N0nce')).toBe(
      '<style nonce="N0nce" ng-app-id="ng">a{}</style><script nonce="N0nce" type="module" src="main.js"></script>' +
        '<script nonce="N0nce">boot()</script><script nonce="kept">x()</script>' +
        '<ab-root ngCspNonce="N0nce" ng-version="22"></ab-root><styles-x></styles-x>',
    );
  });
});
