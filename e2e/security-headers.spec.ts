import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from './support/sign-in.ts';

const pages = [
  { path: '/', account: null },
  { path: '/supplier/', account: demoAccounts.supplier },
  { path: '/admin/', account: demoAccounts.admin },
  { path: '/ops/', account: demoAccounts.operator },
  { path: '/auth/register', account: null },
];

for (const { path, account } of pages) {
  test(`${path} runs under a strict Content-Security-Policy without breaking it`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    if (account) await signInAt(page, path, account);
    const response = await page.goto(path);
    await page.waitForLoadState('networkidle');
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).not.toContain('unsafe-inline');
    expect(response!.headers()['x-frame-options']).toBe('DENY');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
}
