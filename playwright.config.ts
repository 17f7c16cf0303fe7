import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * End-to-end tests: a real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) drives the
 * portal that the test run starts itself with `yarn start` on a fresh data folder, unless a
 * portal already listens on :3000 and :7007 (then that one is used).
 */
const runId = process.env.DATA_MESH_E2E_RUN ?? String(Date.now());
const dataDir = path.resolve(__dirname, '.data', `e2e-${runId}`);
const env = {
  ...process.env,
  DATA_MESH_DATA_DIR: path.join(dataDir, 'sqlite'),
  DATA_MESH_WORK_DIR: path.join(dataDir, 'work'),
  DATA_MESH_PUBLISH_DIR: path.join(dataDir, 'published'),
  BROWSER: 'none',
} as Record<string, string>;
/** The local portal's configuration, as ./scripts/start.sh loads it. */
const config =
  '--config ../../app-config.yaml --config ../../app-config.development.yaml';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],
  outputDir: 'e2e-test-report/artifacts',
  webServer: [
    {
      command: `mkdir -p ${env.DATA_MESH_DATA_DIR} ${env.DATA_MESH_WORK_DIR} && yarn start backend ${config}`,
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: true,
      timeout: 240_000,
      env,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `yarn start app ${config}`,
      url: 'http://localhost:3000',
      reuseExistingServer: true,
      timeout: 300_000,
      env,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
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
