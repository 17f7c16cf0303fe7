#!/usr/bin/env node
/*
 * Packs every package of plugins/ as it would be published (`yarn pack`, which runs
 * `backstage-cli package prepack`) into <out-dir>, and checks what each tarball holds: no
 * package is private, each ships its built dist/ (index.d.ts included), and none ships its
 * sources, tests, test utilities or benchmarks. Writes every file list to <out-dir>/files.txt.
 *
 *   node install-test/pack.js <out-dir>        (after `yarn build:all`)
 *
 * Exits 1, naming the package and the file, when a check fails.
 */
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.resolve(process.argv[2] ?? 'packs');
fs.mkdirSync(out, { recursive: true });

/** Files a published package must not hold. */
const FORBIDDEN = [
  [/(^|\/)src\//, 'its sources'],
  [/\.test\.[cm]?[jt]sx?(\.map)?$/, 'a test'],
  [/(^|\/)__testUtils__\//, 'a test utility'],
  [/(^|\/)bench\//, 'a benchmark'],
  [/(^|\/)setupTests\./, 'the test setup'],
  [/(^|\/)dev\//, 'its development harness'],
];

const problems = [];
const lists = [];
const dirs = fs
  .readdirSync(path.join(root, 'plugins'))
  .map(d => path.join(root, 'plugins', d))
  .filter(d => fs.existsSync(path.join(d, 'package.json')))
  .sort();

for (const dir of dirs) {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
  );
  const where = path.relative(root, dir);
  if (pkg.private) {
    problems.push(
      `${where}: ${pkg.name} is private (remove "private": true to publish it)`,
    );
    continue;
  }
  if (!fs.existsSync(path.join(dir, 'dist', 'index.d.ts'))) {
    problems.push(
      `${where}: dist/index.d.ts is missing; run \`yarn build:all\` first`,
    );
    continue;
  }
  const tarball = path.join(
    out,
    `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`,
  );
  const output = execFileSync('yarn', ['pack', '--json', '--out', tarball], {
    cwd: dir,
    encoding: 'utf8',
  });
  const files = output
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line))
    .filter(entry => entry.location)
    .map(entry => entry.location)
    .sort();
  if (!files.includes('dist/index.d.ts'))
    problems.push(`${pkg.name}: the tarball has no dist/index.d.ts`);
  for (const file of files)
    for (const [pattern, what] of FORBIDDEN)
      if (pattern.test(file))
        problems.push(
          `${pkg.name}: ${file} is ${what}; keep it out of "files" in package.json`,
        );
  const packed = JSON.parse(
    execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  if (JSON.stringify(packed).includes('workspace:'))
    problems.push(
      `${pkg.name}: the packed package.json still names a workspace: dependency`,
    );
  const dist = files.filter(f => f.startsWith('dist/')).length;
  lists.push(
    `${pkg.name}@${pkg.version} (${path.basename(tarball)}): ${
      files.length
    } files, ${dist} in dist/\n` + files.map(f => `  ${f}`).join('\n'),
  );
  process.stdout.write(
    `packed ${pkg.name}@${pkg.version}: ${files.length} files (${dist} in dist/), private: no\n`,
  );
}

fs.writeFileSync(path.join(out, 'files.txt'), `${lists.join('\n\n')}\n`);
if (problems.length) {
  process.stderr.write(`${problems.map(p => `pack: ${p}`).join('\n')}\n`);
  process.exit(1);
}
