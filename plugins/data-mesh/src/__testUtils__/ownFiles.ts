import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The project's own test files: contracts and products in every format the suite reads. */
export const FILES_DIR = resolve(
  __dirname,
  '../../../data-mesh-common/src/__testUtils__/fixtures',
);

/** The text of one of them, by its path inside that folder. */
export function fileText(path: string): string {
  return readFileSync(resolve(FILES_DIR, path), 'utf8');
}
