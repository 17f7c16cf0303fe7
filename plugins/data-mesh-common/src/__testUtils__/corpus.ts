/* eslint-disable jest/no-export, jest/valid-title, jest/no-disabled-tests, jest/expect-expect -- helpers that define, name and skip the tests that read the corpus */
/**
 * The shared test corpus: real files written by others (the official ODCS, DCS, ODPS and
 * OpenLineage examples and schemas, the design notes), kept in `../shared/corpus` beside the
 * checkout and never copied into it. A clone without it skips the tests that read it: their
 * names end with {@link CORPUS_MARK}, which the test command counts in one line. The
 * project's own fixtures cover the same behaviours.
 */
import fs from 'node:fs';
import path from 'node:path';

/** `../shared/corpus` beside the repository checkout (`DATA_MESH_CORPUS_DIR` moves it). */
export const CORPUS_DIR =
  process.env.DATA_MESH_CORPUS_DIR ??
  path.resolve(__dirname, '../../../../../shared/corpus');

/** Whether the corpus is there. */
export const HAS_CORPUS = fs.existsSync(CORPUS_DIR);

/** What the name of every test that reads the corpus ends with. */
export const CORPUS_MARK = '(reads ../shared/corpus)';

/** The absolute path of a file or folder of the corpus. */
export const corpusPath = (...parts: string[]) =>
  path.join(CORPUS_DIR, ...parts);

/** The text of a corpus file. */
export const corpusText = (...parts: string[]) =>
  fs.readFileSync(corpusPath(...parts), 'utf8');

/** The files of a corpus folder, sorted; none when the corpus is absent. */
export const corpusFiles = (...parts: string[]): string[] =>
  HAS_CORPUS ? fs.readdirSync(corpusPath(...parts)).sort() : [];

/** `describe` for tests that read the corpus: skipped when it is absent. */
export function describeCorpus(name: string, fn: () => void) {
  (HAS_CORPUS ? describe : describe.skip)(`${name} ${CORPUS_MARK}`, fn);
}

/** `it` for a test that reads the corpus: skipped when it is absent. */
export function itCorpus(name: string, fn: () => unknown) {
  (HAS_CORPUS ? it : it.skip)(`${name} ${CORPUS_MARK}`, fn as any);
}

/**
 * `it.each` over corpus files: one test per file, or, when the corpus is absent, one skipped
 * test standing for them all.
 */
export function eachCorpus<T>(
  cases: readonly T[],
  name: string,
  fn: (item: T) => unknown,
) {
  if (!HAS_CORPUS || cases.length === 0) {
    it.skip(`${name.replace(/%[sjpdi]/g, '…')} ${CORPUS_MARK}`, () => {});
    return;
  }
  // a tuple fills the placeholders of the name one by one
  const tuples = cases.every(c => Array.isArray(c));
  const rows = cases.map(c => (tuples ? (c as unknown[]) : [c]));
  it.each(rows as unknown[][])(`${name} ${CORPUS_MARK}`, (...args: unknown[]) =>
    fn((tuples ? args : args[0]) as T) as any,
  );
}
