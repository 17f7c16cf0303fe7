#!/usr/bin/env node
/*
 * The single entry point for benchmarks: `yarn bench [filter]`.
 *
 * Runs every `bench/*.bench.ts` (or `.js`) file of every workspace package, each in its own
 * Node process (so one benchmark's heap does not skew the next), TypeScript compiled on the
 * fly by Backstage's node transform. A benchmark prints its own measurements, each with the
 * ratio against a baseline it measures in the same run. A filter argument keeps only the
 * files whose path contains it.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const filter = process.argv[2];

function benchFiles() {
  const files = [];
  for (const group of ['packages', 'plugins']) {
    const groupDir = path.join(root, group);
    if (!fs.existsSync(groupDir)) continue;
    for (const pkg of fs.readdirSync(groupDir).sort()) {
      const dir = path.join(groupDir, pkg, 'bench');
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir).sort()) {
        if (/\.bench\.(ts|js)$/.test(file)) files.push(path.join(dir, file));
      }
    }
  }
  // The filter applies to the path inside the repository, wherever it is checked out.
  return files.filter(f => !filter || path.relative(root, f).includes(filter));
}

const files = benchFiles();
console.log(`yarn bench: ${files.length} benchmark file(s)${filter ? ` matching "${filter}"` : ''}`);
if (files.length === 0) {
  console.log('Nothing to measure yet: add bench/<name>.bench.ts to a package.');
}
let failed = 0;
for (const file of files) {
  const rel = path.relative(root, file);
  console.log(`\n== ${rel}`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--require', '@backstage/cli/config/nodeTransform.cjs', file],
    { cwd: path.dirname(path.dirname(file)), stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) {
    failed += 1;
    console.log(`!! ${rel} exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed ? 1 : 0);
