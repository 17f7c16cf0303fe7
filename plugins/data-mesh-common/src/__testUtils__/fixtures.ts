/**
 * The project's own test fixtures (`__testUtils__/fixtures/`): contracts, products and
 * lineage events written here, in the formats the suite reads, for tests that need a whole
 * file. Other packages' tests read them too.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder of the fixtures. */
export const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** The absolute path of a fixture. */
export const fixturePath = (name: string) => path.join(FIXTURES_DIR, name);

/** The text of a fixture. */
export const fixture = (name: string) =>
  fs.readFileSync(fixturePath(name), 'utf8');
