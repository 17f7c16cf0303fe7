import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared test corpus, beside the repository checkout (`../shared/corpus`). */
export const corpusDir = resolve(__dirname, '../../../../../shared/corpus');

/** The text of a corpus file, by its path inside the corpus. */
export function corpusText(path: string): string {
  return readFileSync(resolve(corpusDir, path), 'utf8');
}
