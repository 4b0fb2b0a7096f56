/** Holding a page to WCAG 2.2 AA as axe-core checks it, failing with each broken rule and where it broke. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Each WCAG version's tags add only that version's new criteria, so AA through 2.2 needs all five.
const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  const report = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    at ${node.target.join(' ')}`).join('\n'),
  );
  expect(report, `axe-core found WCAG 2.2 AA violations on ${page.url()}`).toEqual([]);
}
