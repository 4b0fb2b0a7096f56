/** What every app's first page must do: arrive rendered with its data, hydrate without asking again, log no errors. */
import { expect, test, type Locator, type Page, type APIRequestContext } from '@playwright/test';

export interface PageWatch {
  apiRequests: string[];
  consoleErrors: string[];
}

/** Starts recording API calls and console errors; call before the page loads. */
export function watch(page: Page): PageWatch {
  const watched: PageWatch = { apiRequests: [], consoleErrors: [] };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) watched.apiRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
  return watched;
}

/** The HTML exactly as the server sent it, before any script ran, answered with `status`. */
export async function serverHtml(request: APIRequestContext, path: string, status = 200): Promise<string> {
  const response = await request.get(path);
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('text/html');
  return response.text();
}

/** Loads the page and waits until Angular has hydrated and the network has gone quiet. */
export async function loadAndHydrate(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await hydrated(page);
}

/** Waits until Angular has taken over the server's page, so its forms answer as a person expects. */
export async function hydrated(page: Page): Promise<void> {
  // The client app attaches its context to the server's DOM nodes when it hydrates them.
  await page.waitForFunction(() => '__ngContext__' in (document.querySelector('ab-root') ?? {}));
}

/** A procedure's result straight from the API, to know what the page should show. */
export async function query<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const url = input === undefined ? path : `${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await request.get(url);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** A procedure's change straight through the API, as the signed-in person of `request`, from the app's own origin. */
export async function mutate<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const origin = new URL(path, test.info().project.use.baseURL).origin;
  const response = await request.post(path, { data: input, headers: { origin, ...headers } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Reloads the page until `shown` is on it: for what a job or the log sink writes a moment after the action. */
export async function reloadUntilVisible(page: Page, shown: Locator, timeout: number): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(shown).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout });
}
