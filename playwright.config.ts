import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = process.env['E2E_PORT'] ?? '4100';
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output folder at start; the vitest report beside it in test-results/ must survive.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the networking flags Chromium floods this closed network with refused connections.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The built apps on fresh embedded databases with demo data (e2e/server.ts).
    command: 'node e2e/server.ts',
    url: `${baseURL}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
