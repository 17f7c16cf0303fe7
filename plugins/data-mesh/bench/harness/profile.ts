/* eslint-disable no-console -- a benchmark prints its measurements */
/* Not a benchmark: profiles one Contract tab mount (500 fields) and prints the hottest functions. */
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { build } from 'esbuild';
import { resolve, join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { schemaRows } from '../../src/lib/schemaRows';
import { generateContractYaml } from './generateContract';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dm-prof-'));
  await build({
    entryPoints: [resolve(__dirname, process.argv[2] ?? 'contractPage.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: false,
    keepNames: true,
    outfile: join(dir, 'bundle.js'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.css': 'empty' },
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script src="bundle.js"></script></body></html>',
  );
  const server = createServer((req, res) =>
    res.end(
      readFileSync(
        join(
          dir,
          req.url?.startsWith('/bundle.js') ? 'bundle.js' : 'index.html',
        ),
      ),
    ),
  );
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as any).port;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  const source = generateContractYaml(500);
  const reading = readContract(source);
  const response = {
    format: reading.format,
    contract: reading.contract,
    source,
    issues: reading.issues,
  };
  const rows = reading.contract!.schema!.reduce(
    (n, o) => n + schemaRows(o).length,
    0,
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'blink.user_timing'],
  });
  const result = await page.evaluate(p => (window as any).__bench.run(p), {
    variant: process.argv[3] ?? 'contract-tab',
    response,
    rows,
  });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const marks = trace.traceEvents.filter(
    (e: any) => e.name === 'bench-mount' || e.name === 'bench-ready',
  );
  const t0 = marks.find((e: any) => e.name === 'bench-mount')?.ts ?? 0;
  const t1 = marks.find((e: any) => e.name === 'bench-ready')?.ts ?? Infinity;
  const byName = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (
      e.ph === 'X' &&
      e.ts >= t0 &&
      e.ts <= t1 &&
      e.dur &&
      ['RunTask'].indexOf(e.name) < 0
    ) {
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    }
  }
  console.log('window', (t1 - t0) / 1000, 'ms');
  [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .forEach(([k, v]) => console.log('  trace', v.toFixed(1).padStart(8), k));
  const { profile } = await cdp.send('Profiler.stop');
  console.log('result', result);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes as any[])
    for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas as number[];
  let time = profile.startTime;
  (profile.samples ?? []).forEach((id: number, i: number) => {
    time += dt[i] ?? 0;
    if (time < t0 || time > t1) return;
    const n: any = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} :${
      n.callFrame.lineNumber
    }`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    const seen = new Set<string>();
    for (let cur: any = n; cur; cur = byId.get(parent.get(cur.id)!)) {
      const name = cur.callFrame.functionName;
      if (/^[A-Z]/.test(name) && !seen.has(name)) {
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
      }
    }
  });
  console.log('self');
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
  console.log('inclusive, capitalised');
  [...incl.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
  await browser.close();
  server.close();
}
main();
