import { Command, CommanderError } from 'commander';
import { commands } from './commands';
import { EXIT_CODES } from './exitCodes';
import { CliIo, processIo } from './io';

/** Commander's codes for "help or version shown", which are not errors. */
const INFORMATIONAL = new Set([
  'commander.helpDisplayed',
  'commander.version',
  'commander.help',
]);

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('data-mesh')
    .description(
      'Data contracts and products, checked where they are written and in CI',
    )
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(run "data-mesh help" for usage)');
  for (const command of commands)
    command.register(program, { io, setExitCode });
  for (const subcommand of program.commands) {
    subcommand
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  return program;
}

/**
 * Runs the `data-mesh` CLI with the arguments after the program name, and resolves to the
 * exit code: 0 all inputs valid, 1 an input is invalid (or missing), 2 a usage error (no
 * input, unknown command or option, bad option value), 3 an internal failure.
 * @public
 */
export async function runCli(
  args: readonly string[],
  io: CliIo = processIo(),
): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const program = buildProgram(io, code => {
    exitCode = code;
  });
  if (args.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT_CODES.usage;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return INFORMATIONAL.has(error.code) ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    io.stderr(
      `data-mesh: internal error, please report it: ${
        (error as Error)?.stack ?? String(error)
      }\n`,
    );
    return EXIT_CODES.internal;
  }
}
