/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * Cold loads of the portal as people open it: the Data Products explorer and a product's
 * page (sales orders), from the start of navigation until the page's key content shows, each
 * in a fresh browser context (nothing cached), signed in as the guest. Measured on the
 * production build (the frontend built for production, served by the backend with
 * NODE_ENV=production, as the end-to-end tests' second pass runs it) against the
 * development build (the dev server), which is the baseline.
 *
 * It starts each portal itself, on a fresh data folder, on the ports of the end-to-end
 * tests (3000 and 7007), and stops it afterwards: run it when no portal is up, e.g.
 * `flock /work/e2e.lock yarn bench coldLoad`. DATA_MESH_BENCH_RUNS sets the loads per page.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const RUNS = Number(process.env.DATA_MESH_BENCH_RUNS ?? 5);
const root = path.resolve(__dirname, '../../..');
const CONFIG = [
  '--config',
  '../../app-config.yaml',
  '--config',
  '../../app-config.development.yaml',
];

interface Build {
  name: string;
  baseUrl: string;
  /** Starts the portal; returns its processes. */
  start(env: NodeJS.ProcessEnv): ChildProcess[];
  /** The URLs that answer once it is up. */
  ready: string[];
}

const run = (
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
) => spawn(command, args, { cwd, env, detached: true, stdio: 'ignore' });

const BUILDS: Build[] = [
  {
    name: 'development build (dev server)',
    baseUrl: 'http://localhost:3000',
    ready: [
      'http://localhost:7007/.backstage/health/v1/readiness',
      'http://localhost:3000',
    ],
    start: env => [
      run(root, 'yarn', ['start', 'backend', ...CONFIG], env),
      run(root, 'yarn', ['start', 'app', ...CONFIG], {
        ...env,
        BROWSER: 'none',
      }),
    ],
  },
  {
    name: 'production build (served by the backend)',
    baseUrl: 'http://localhost:7007',
    ready: ['http://localhost:7007/.backstage/health/v1/readiness'],
    start: env => [
      run(
        path.join(root, 'packages/backend'),
        process.execPath,
        [
          '--require',
          '@backstage/cli/config/nodeTransform.cjs',
          'src/index.ts',
          ...CONFIG,
          '--config',
          '../app/e2e-tests/app-config.production-build.yaml',
        ],
        { ...env, NODE_ENV: 'production' },
      ),
    ],
  },
];

const PAGES = [
  {
    name: 'Data Products explorer',
    path: '/data-products?view=all',
    ready: 'table[aria-label="Data products"] a',
  },
  {
    name: 'product page (sales orders)',
    path: '/catalog/default/component/sales-orders',
    ready: 'nav[aria-label="Data product tabs"]',
  },
];

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  ms = 420_000,
) {
  const start = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - start > ms)
      throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 2_000));
  }
}

async function guestToken(): Promise<string> {
  const res = await fetch(
    'http://localhost:7007/api/auth/guest/refresh?env=development',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  return (await res.json()).backstageIdentity.token;
}

/** Up once it answers and the catalog holds the example products. */
async function waitUntilUp(build: Build) {
  for (const url of build.ready)
    await waitFor(async () => (await fetch(url)).ok, url);
  await waitFor(async () => {
    const res = await fetch('http://localhost:7007/api/data-mesh/products', {
      headers: { Authorization: `Bearer ${await guestToken()}` },
    });
    return res.ok && (await res.json()).items.length >= 8;
  }, 'the example products in the catalog');
}

function stop(processes: ChildProcess[]) {
  for (const p of processes) {
    try {
      if (p.pid) process.kill(-p.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** One cold load: a fresh context, so nothing is cached; ms and script bytes. */
async function coldLoad(
  browser: Browser,
  build: Build,
  page: (typeof PAGES)[number],
) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    storageState: {
      cookies: [],
      origins: [
        {
          origin: build.baseUrl,
          localStorage: [
            {
              name: 'data-mesh-example:sign-in',
              value: JSON.stringify({ provider: 'guest' }),
            },
          ],
        },
      ],
    },
  });
  const tab = await context.newPage();
  const start = Date.now();
  await tab.goto(`${build.baseUrl}${page.path}`);
  await tab.locator(page.ready).first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - start;
  const scriptBytes = await tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(e => (e as PerformanceResourceTiming).initiatorType === 'script')
      .reduce(
        (sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize,
        0,
      ),
  );
  await context.close();
  return { ms, scriptBytes };
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(build: Build) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'data-mesh-cold-load-'));
  const env = {
    ...process.env,
    DATA_MESH_DATA_DIR: path.join(data, 'sqlite'),
    DATA_MESH_WORK_DIR: path.join(data, 'work'),
    DATA_MESH_PUBLISH_DIR: path.join(data, 'published'),
  };
  fs.mkdirSync(env.DATA_MESH_DATA_DIR, { recursive: true });
  fs.mkdirSync(env.DATA_MESH_WORK_DIR, { recursive: true });
  const processes = build.start(env);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  try {
    await waitUntilUp(build);
    const results: Record<string, { ms: number[]; scriptBytes: number }> = {};
    for (const page of PAGES) {
      await coldLoad(browser, build, page); // warm the server, not the browser
      const ms: number[] = [];
      let scriptBytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const load = await coldLoad(browser, build, page);
        ms.push(load.ms);
        scriptBytes = load.scriptBytes;
      }
      results[page.name] = { ms, scriptBytes };
    }
    return results;
  } finally {
    await browser.close();
    stop(processes);
    await waitFor(
      async () => (await portFree(7007)) && (await portFree(3000)),
      'the portal to stop',
      60_000,
    ).catch(() => {});
    fs.rmSync(data, { recursive: true, force: true });
  }
}

async function main() {
  if (!(await portFree(3000)) || !(await portFree(7007))) {
    console.log(
      'cold loads: ports 3000 or 7007 are in use: stop the portal running there (or wait for the end-to-end tests) and run again',
    );
    process.exit(1);
  }
  console.log('cold loads: building the frontend for production…');
  const built = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: root,
    stdio: 'ignore',
  });
  if (built.status !== 0) throw new Error('yarn workspace app build failed');
  const [development, production] = [
    await measure(BUILDS[0]),
    await measure(BUILDS[1]),
  ];
  console.log(
    `\ncold load, median of ${RUNS} (fresh browser context each), signed in as the guest:`,
  );
  for (const page of PAGES) {
    const dev = development[page.name];
    const prod = production[page.name];
    console.log(
      `  ${page.name}: production ${median(prod.ms)} ms (${(
        prod.scriptBytes / 1e6
      ).toFixed(1)} MB of scripts), development ${median(dev.ms)} ms (${(
        dev.scriptBytes / 1e6
      ).toFixed(1)} MB) → ${(median(prod.ms) / median(dev.ms)).toFixed(
        2,
      )}× the development build's time`,
    );
    console.log(
      `    runs (ms): production ${prod.ms.join(
        ', ',
      )}; development ${dev.ms.join(', ')}`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
