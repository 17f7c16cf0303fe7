#!/usr/bin/env node
/*
 * Readies an app just made by @backstage/create-app for this kind of machine, before the
 * READMEs' steps: what any new app here needs, nothing of the suite.
 *
 *   node install-test/prepare-app.js <app-dir> <registry-url>
 *
 * - the root `resolutions` of this repository that pin platform builds the reachable npm
 *   registry lacks (see the README, "Development"), and keytar left unbuilt (no libsecret);
 * - the @backstage-data-mesh and @backstage scopes from <registry-url> (install-test/registry.js):
 *   the packed packages, as npmjs.com will serve them once they are published, and the
 *   Backstage packages of the release line create-app made the app for, which create-app
 *   would have pinned with the lockfile seed it fetches from GitHub;
 * - this repository's yarn.lock as the app's starting lockfile, so that the app resolves
 *   the same versions of the Backstage 1.55 release line from the package cache instead of
 *   asking the registry for each of its ~2,800 packages (yarn drops what the app does not use).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [appDir, registry] = process.argv.slice(2);
if (!appDir || !registry) {
  process.stderr.write('usage: prepare-app.js <app-dir> <registry-url>\n');
  process.exit(2);
}

const ours = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
);
const file = path.join(appDir, 'package.json');
const app = JSON.parse(fs.readFileSync(file, 'utf8'));
// platform pins only: @types/react and the like stay as the app has them
const pins = Object.fromEntries(
  Object.entries(ours.resolutions).filter(
    ([name]) => !(name in (app.resolutions ?? {})),
  ),
);
app.resolutions = { ...app.resolutions, ...pins };
app.dependenciesMeta = { ...app.dependenciesMeta, keytar: { built: false } };
fs.writeFileSync(file, `${JSON.stringify(app, null, 2)}\n`);

const yarnrc = path.join(appDir, '.yarnrc.yml');
fs.appendFileSync(
  yarnrc,
  [
    '',
    '# the packed @backstage-data-mesh packages, and @backstage as of its release line (install-test/registry.js)',
    'npmScopes:',
    '  backstage-data-mesh:',
    `    npmRegistryServer: "${registry}"`,
    '  backstage:',
    `    npmRegistryServer: "${registry}"`,
    'unsafeHttpWhitelist:',
    `  - "${new URL(registry).hostname}"`,
    '',
  ].join('\n'),
);

fs.copyFileSync(path.join(root, 'yarn.lock'), path.join(appDir, 'yarn.lock'));
process.stdout.write(
  `prepared ${appDir}: ${
    Object.keys(pins).length
  } resolutions, keytar unbuilt, @backstage-data-mesh and @backstage from ${registry}, this repository's yarn.lock to start from\n`,
);
