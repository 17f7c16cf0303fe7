#!/usr/bin/env node
/*
 * Installs the suite into an app made by @backstage/create-app exactly as the READMEs say:
 * it applies, in order, every code block of the READMEs that is marked for this kind of app,
 * and counts the lines a user adds. Then it checks that the root README states that count.
 *
 *   node install-test/apply-readmes.js <app-dir> <new|legacy>
 *
 * A block is marked by the HTML comment on the line before it (invisible on GitHub):
 *
 * (blank lines between the comment and the block are allowed):
 *
 *   <!-- install-test (new, legacy): run -->                        each line runs in the app's root
 *   <!-- install-test (new): app-config.yaml merge -->              merged into that YAML file
 *   <!-- install-test (legacy): <file> after-imports -->            inserted after the last import
 *   <!-- install-test (legacy): <file> before "<text>" -->          inserted before the line holding <text>
 *   <!-- install-test (legacy): <file> after "<text>" -->           inserted after the line holding <text>
 */
'use strict';

const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const [appDir, kind] = process.argv.slice(2);
if (!appDir || !['new', 'legacy'].includes(kind)) {
  process.stderr.write('usage: apply-readmes.js <app-dir> <new|legacy>\n');
  process.exit(2);
}

/** The READMEs an adopter follows, in the order they are followed. */
const READMES = [
  'plugins/data-mesh-backend/README.md',
  'README.md',
  'plugins/data-mesh/README.md',
];

const MARKER =
  /^<!-- install-test \(([^)]*)\): (\S+)(?: (merge|after-imports|before|after)(?: "((?:[^"\\]|\\.)*)")?)? -->$/;

function blocksOf(readme) {
  const lines = fs.readFileSync(path.join(root, readme), 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i].trim());
    if (!m) continue;
    const kinds = m[1].split(',').map(k => k.trim());
    let fence = i + 1;
    while (lines[fence]?.trim() === '') fence += 1;
    if (!lines[fence]?.startsWith('```'))
      throw new Error(
        `${readme}:${i + 1}: an install-test marker must stand above a code block`,
      );
    const end = lines.indexOf('```', fence + 1);
    if (end < 0)
      throw new Error(`${readme}:${fence + 1}: the code block does not end`);
    blocks.push({
      readme,
      line: fence + 1,
      kinds,
      target: m[2],
      how: m[3] ?? (m[2] === 'run' ? 'run' : undefined),
      anchor: m[4]?.replace(/\\"/g, '"'),
      body: lines.slice(fence + 1, end),
    });
  }
  return blocks;
}

/** `value` merged into the YAML document at `at`: maps key by key, lists appended to. */
function mergeInto(doc, at, value) {
  if (at.length > 0 && !doc.hasIn(at)) {
    doc.setIn(at, value);
  } else if (Array.isArray(value)) {
    for (const item of value) doc.addIn(at, item);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) mergeInto(doc, [...at, k], v);
  } else {
    doc.setIn(at, value);
  }
}

function insert(file, block) {
  const full = path.join(appDir, file);
  const lines = fs.readFileSync(full, 'utf8').split('\n');
  let at;
  if (block.how === 'after-imports') {
    // after the end of the last top-level import statement
    let last = -1;
    for (let i = 0; i < lines.length; i++) {
      if (/^import\b/.test(lines[i])) {
        let j = i;
        while (!/;\s*$/.test(lines[j])) j++;
        last = j;
      }
    }
    at = last + 1;
  } else {
    const hit = lines.findIndex(l => l.includes(block.anchor));
    if (hit < 0)
      throw new Error(
        `${block.readme}:${block.line}: "${block.anchor}" is not in ${file} of the created app`,
      );
    at = block.how === 'before' ? hit : hit + 1;
  }
  lines.splice(at, 0, ...block.body);
  fs.writeFileSync(full, lines.join('\n'));
}

const counted = { commands: 0, lines: 0, byFile: new Map() };
const add = (file, n) =>
  counted.byFile.set(file, (counted.byFile.get(file) ?? 0) + n);

for (const block of READMES.flatMap(blocksOf)) {
  if (!block.kinds.includes(kind)) continue;
  const lines = block.body.filter(l => l.trim() && !/^\s*(#|\/\/)/.test(l));
  process.stdout.write(
    `${block.readme}:${block.line}: ${block.target}${
      block.how && block.how !== 'run'
        ? ` (${block.how}${block.anchor ? ` "${block.anchor}"` : ''})`
        : ''
    }\n`,
  );
  if (block.target === 'run') {
    for (const command of lines) {
      process.stdout.write(`  $ ${command}\n`);
      execSync(command, { cwd: appDir, stdio: 'inherit', shell: '/bin/bash' });
      counted.commands += 1;
    }
    continue;
  }
  if (block.how === 'merge') {
    const full = path.join(appDir, block.target);
    const doc = YAML.parseDocument(fs.readFileSync(full, 'utf8'));
    mergeInto(doc, [], YAML.parse(block.body.join('\n')));
    fs.writeFileSync(
      full,
      doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
    );
  } else {
    insert(block.target, block);
  }
  counted.lines += lines.length;
  add(block.target, lines.length);
}

const files = [...counted.byFile]
  .map(([f, n]) => `${n} in \`${f}\``)
  .join(', ');
const sentence = `${counted.commands} command${
  counted.commands === 1 ? '' : 's'
} and ${counted.lines} lines (${files})`;
process.stdout.write(`\n${kind} frontend system: a user runs ${sentence}\n`);
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
if (!readme.includes(sentence)) {
  process.stderr.write(
    `README.md does not say what installing on the ${kind} frontend system takes; it should say: "${sentence}"\n`,
  );
  process.exit(1);
}
