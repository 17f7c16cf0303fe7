import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { validateCommand } from './validate';

/** The subcommands of the `data-mesh` CLI, one file each in this folder. */
export const commands: readonly CliCommand[] = [
  validateCommand,
  diffCommand,
  checkCommand,
];
