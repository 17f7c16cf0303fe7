/*
 * Runs on Node: bundles a page of components with esbuild, serves it on a loopback port
 * and drives it in Chromium (playwright-core), one fresh page per measurement.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium } from 'playwright-core';

/** Chromium flags of the portal's end-to-end tests. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

export interface BrowserBench {
  /** Opens a fresh page, runs `window.__bench.run(payload)` and returns what it returns. */
  run<T>(payload: unknown, timeoutMs?: number): Promise<T | 'timeout'>;
  close(): Promise<void>;
}

/** Bundles `entry` (production React) and opens Chromium on it. */
export async function openBrowserBench(entry: string): Promise<BrowserBench> {
  const dir = mkdtempSync(join(tmpdir(), 'data-mesh-bench-'));
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    outfile: join(dir, 'bundle.js'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.css': 'empty' },
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div><script src="bundle.js"></script></body></html>',
  );
  const server: Server = createServer((req, res) => {
    const file = req.url?.startsWith('/bundle.js') ? 'bundle.js' : 'index.html';
    res.writeHead(200, {
      'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html',
    });
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

  return {
    async run<T>(payload: unknown, timeoutMs = 60_000) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', e => errors.push(e.message));
      try {
        await page.goto(`http://127.0.0.1:${port}/`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>(r => {
          timer = setTimeout(() => r('timeout'), timeoutMs);
        });
        const result = await Promise.race([
          page.evaluate(
            p => (window as any).__bench.run(p),
            payload,
          ) as Promise<T>,
          timeout,
        ]);
        clearTimeout(timer);
        if (errors.length) throw new Error(`page error: ${errors.join('; ')}`);
        return result;
      } finally {
        // A page stuck in a long task is killed with its context.
        await context.close().catch(() => {});
      }
    },
    async close() {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Median, minimum and maximum of measurements. */
export function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** `123 ms`, `1.23 s`. */
export function ms(value: number): string {
  return value >= 1000
    ? `${(value / 1000).toFixed(2)} s`
    : `${Math.round(value)} ms`;
}
