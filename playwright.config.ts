import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * End-to-end tests: a real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) drives the
 * portal that the test run starts itself on a fresh data folder, unless a portal already
 * listens on its ports (then that one is used).
 *
 * Two passes (scripts/test.sh runs both):
 * - the development portal (default): `yarn start` — backend on :7007, frontend dev server on
 *   :3000;
 * - the production build (`DATA_MESH_E2E_BUILD=production`): the frontend built for
 *   production and served by the backend on :7007, the backend running with
 *   NODE_ENV=production. The local sign-in (guest, example people) refuses outside
 *   development; this pass alone allows it, with packages/app/e2e-tests/app-config.production-build.yaml.
 */
const production = process.env.DATA_MESH_E2E_BUILD === 'production';
const runId = process.env.DATA_MESH_E2E_RUN ?? String(Date.now());
const dataDir = path.resolve(
  __dirname,
  '.data',
  `e2e-${runId}${production ? '-production' : ''}`,
);
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
const productionConfig = `${config} --config ../app/e2e-tests/app-config.production-build.yaml`;
const prepare = `mkdir -p ${env.DATA_MESH_DATA_DIR} ${env.DATA_MESH_WORK_DIR}`;

const developmentServers = [
  {
    command: `${prepare} && yarn start backend ${config}`,
    url: 'http://localhost:7007/.backstage/health/v1/readiness',
    reuseExistingServer: true,
    timeout: 240_000,
    env,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  },
  {
    command: `yarn start app ${config}`,
    url: 'http://localhost:3000',
    reuseExistingServer: true,
    timeout: 300_000,
    env,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  },
];

const productionServers = [
  {
    // Build the frontend for production, then run the backend that serves it.
    command: `${prepare} && yarn workspace app build && cd packages/backend && node --require @backstage/cli/config/nodeTransform.cjs src/index.ts ${productionConfig}`,
    url: 'http://localhost:7007/.backstage/health/v1/readiness',
    reuseExistingServer: true,
    timeout: 420_000,
    env: { ...env, NODE_ENV: 'production' },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  },
];

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  // Waits for the example mesh in the catalog (after the web servers are up).
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: `e2e-test-report/results${
          production ? '-production' : ''
        }.json`,
      },
    ],
  ],
  outputDir: `e2e-test-report/artifacts${production ? '-production' : ''}`,
  webServer: production ? productionServers : developmentServers,
  use: {
    baseURL: production ? 'http://localhost:7007' : 'http://localhost:3000',
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
  projects: [{ name: production ? 'chromium-production-build' : 'chromium' }],
});
