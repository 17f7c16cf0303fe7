import type { Command } from 'commander';
import type { CliIo } from './io';

/**
 * What a subcommand gets: where to write, and a way to set the exit code.
 * @public
 */
export interface CliContext {
  io: CliIo;
  /** Sets the process exit code (see `EXIT_CODES`); the last call wins. */
  setExitCode(code: number): void;
}

/**
 * A subcommand of the `data-mesh` CLI: one file in `src/cli/commands/`, listed in
 * `src/cli/commands/index.ts`. `register` adds the subcommand to the program (name,
 * arguments, options, description, and an action that writes through `context.io` and sets
 * the exit code).
 * @public
 */
export interface CliCommand {
  register(program: Command, context: CliContext): void;
}
