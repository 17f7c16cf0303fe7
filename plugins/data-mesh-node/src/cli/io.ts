/**
 * Where the CLI writes, and where it runs: the process in real use, a buffer in tests.
 * @public
 */
export interface CliIo {
  /** Writes to standard output (results: the report, the JSON document). */
  stdout(text: string): void;
  /** Writes to standard error (usage errors, crashes). */
  stderr(text: string): void;
}

/** The CliIo of the running process. */
export function processIo(): CliIo {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  };
}
