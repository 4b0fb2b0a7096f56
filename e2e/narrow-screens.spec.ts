import { expect, test } from '@playwright/test';

// WCAG 1.4.10 Reflow: at 320 CSS px every page must read without scrolling sideways.
test.use({ viewport: { width: 320, height: 640 } });

const firstPages = [
  { path: '/', heading: 'Upcoming launches' },
  { path: '/supplier/', heading: 'Rockets' },
  { path: '/admin/', heading: 'Agencies' },
  { path: '/ops/', heading: 'System status' },
];

for (const { path, heading } of firstPages) {
  test(`${path} fits a 320 px wide screen`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
