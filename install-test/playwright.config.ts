import { defineConfig } from '@playwright/test';

/**
 * The install test's browser checks, on an app that install-test/run.sh created, installed
 * from the packed packages and started on http://localhost:3100.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'installed-app.test.ts',
  timeout: 300_000,
  expect: { timeout: 60_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: `../e2e-test-report/install-${
          process.env.DATA_MESH_INSTALL_KIND ?? 'new'
        }.json`,
      },
    ],
  ],
  outputDir: '../e2e-test-report/install-artifacts',
  use: {
    baseURL: 'http://localhost:3100',
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
