import type { CliCommand } from '../command';
import { validateCommand } from './validate';

/** The subcommands of the `data-mesh` CLI, one file each in this folder. */
export const commands: readonly CliCommand[] = [validateCommand];
