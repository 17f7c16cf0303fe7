#!/usr/bin/env node
/*
 * The npm registry an app of the install test installs from, for two scopes:
 *
 * - @backstage-data-mesh: the tarballs `yarn pack` wrote, so that the app installs the
 *   packed packages with the very `yarn add` commands the READMEs give, as it will from
 *   npmjs.com once they are published;
 * - @backstage: the upstream registry's packages as they were when the release line of
 *   @backstage/create-app <version> was current (versions published up to 14 days after it),
 *   so that a new app gets that release's packages and not a later release's, as the lockfile
 *   seed create-app fetches from GitHub would give it. Everything else the app installs from
 *   the upstream registry directly.
 *
 *   node install-test/registry.js <packs-dir> <port> <upstream-registry> <create-app-version>
 *
 * Writes "listening <port> (release line of <date>)" on stdout when ready.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');

const [packsDir, portArg, upstreamArg, createAppVersion] =
  process.argv.slice(2);
if (!packsDir || !portArg || !upstreamArg || !createAppVersion) {
  process.stderr.write(
    'usage: registry.js <packs-dir> <port> <upstream-registry> <create-app-version>\n',
  );
  process.exit(2);
}
const upstream = upstreamArg.replace(/\/?$/, '/');
const RELEASE_LINE_DAYS = 14;

/** package.json of a .tgz (a gzipped tar whose member package/package.json it finds). */
function manifestOf(file) {
  const tar = zlib.gunzipSync(fs.readFileSync(file));
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar
      .toString('utf8', offset, offset + 100)
      .replace(/\0.*$/s, '');
    const size = parseInt(
      tar.toString('utf8', offset + 124, offset + 136).trim() || '0',
      8,
    );
    if (!name) break;
    if (name === 'package/package.json')
      return JSON.parse(
        tar.toString('utf8', offset + 512, offset + 512 + size),
      );
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${file} holds no package/package.json`);
}

const packed = new Map();
for (const file of fs.readdirSync(packsDir).filter(f => f.endsWith('.tgz'))) {
  const full = path.join(packsDir, file);
  const manifest = manifestOf(full);
  const data = fs.readFileSync(full);
  const entry = packed.get(manifest.name) ?? { versions: {}, files: {} };
  entry.files[file] = full;
  entry.versions[manifest.version] = {
    ...manifest,
    _id: `${manifest.name}@${manifest.version}`,
    dist: {
      tarball: `/-/${file}`,
      shasum: crypto.createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${crypto
        .createHash('sha512')
        .update(data)
        .digest('base64')}`,
    },
  };
  packed.set(manifest.name, entry);
}

async function upstreamPackument(name) {
  const res = await fetch(`${upstream}${name.replace('/', '%2f')}`, {
    headers: { accept: 'application/json' },
  });
  if (!res.ok) return { status: res.status };
  return { status: 200, body: await res.json() };
}

/** Compares two semver strings of the form x.y.z[-pre]. */
function compareVersions(a, b) {
  const parse = v => {
    const [core, pre] = v.split('-', 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++)
    if (x.parts[i] !== y.parts[i]) return x.parts[i] - y.parts[i];
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const upstreamCache = new Map();
let cutoff;

/** An @backstage packument without the versions published after the release line. */
async function releaseLinePackument(name) {
  if (!upstreamCache.has(name))
    upstreamCache.set(name, upstreamPackument(name));
  const { status, body } = await upstreamCache.get(name);
  if (status !== 200) return { status };
  const versions = Object.fromEntries(
    Object.entries(body.versions ?? {}).filter(
      ([v]) => body.time?.[v] && Date.parse(body.time[v]) <= cutoff,
    ),
  );
  const stable = Object.keys(versions)
    .filter(v => !v.includes('-'))
    .sort(compareVersions);
  const distTags = {};
  if (stable.length) distTags.latest = stable[stable.length - 1];
  return {
    status: 200,
    body: {
      ...body,
      versions,
      'dist-tags': distTags,
      time: Object.fromEntries(
        Object.entries(body.time ?? {}).filter(
          ([v]) => v in versions || !/^\d/.test(v),
        ),
      ),
    },
  };
}

function packedPackument(name, origin) {
  const entry = packed.get(name);
  const versions = Object.fromEntries(
    Object.entries(entry.versions).map(([v, m]) => [
      v,
      { ...m, dist: { ...m.dist, tarball: `${origin}${m.dist.tarball}` } },
    ]),
  );
  // published before the release-line cutoff, and long enough ago for any minimal-age gate
  const published = new Date(cutoff - 86_400_000).toISOString();
  return {
    name,
    'dist-tags': { latest: Object.keys(versions).sort(compareVersions).pop() },
    versions,
    time: Object.fromEntries(Object.keys(versions).map(v => [v, published])),
  };
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const server = http.createServer(async (req, res) => {
  try {
    const url = decodeURIComponent(
      new URL(req.url, 'http://localhost').pathname,
    );
    if (url.startsWith('/-/')) {
      for (const entry of packed.values()) {
        const file = entry.files[url.slice(3)];
        if (file) {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          fs.createReadStream(file).pipe(res);
          return;
        }
      }
      json(res, 404, { error: 'not found' });
      return;
    }
    const name = url.slice(1);
    if (packed.has(name)) {
      json(res, 200, packedPackument(name, `http://${req.headers.host}`));
      return;
    }
    if (name.startsWith('@backstage/')) {
      const { status, body } = await releaseLinePackument(name);
      json(res, status, body ?? { error: 'not found' });
      return;
    }
    json(res, 404, { error: 'not found' });
  } catch (error) {
    json(res, 502, { error: String(error) });
  }
});

(async () => {
  const { status, body } = await upstreamPackument('@backstage/create-app');
  const released = status === 200 && body.time?.[createAppVersion];
  if (!released) {
    process.stderr.write(
      `the upstream registry ${upstream} does not know @backstage/create-app@${createAppVersion}\n`,
    );
    process.exit(1);
  }
  cutoff = Date.parse(released) + RELEASE_LINE_DAYS * 86_400_000;
  server.listen(Number(portArg), '127.0.0.1', () => {
    process.stdout.write(
      `listening ${server.address().port} (release line of ${released.slice(
        0,
        10,
      )}: @backstage packages published by ${new Date(cutoff)
        .toISOString()
        .slice(0, 10)})\n`,
    );
  });
})();
