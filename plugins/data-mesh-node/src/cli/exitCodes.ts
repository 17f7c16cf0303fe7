/**
 * The exit codes of the `data-mesh` CLI.
 * @public
 */
export const EXIT_CODES = {
  /** Every input is valid (warnings allowed). */
  ok: 0,
  /** At least one input is invalid, missing or unreadable. */
  invalid: 1,
  /** The command line is wrong: no input, an unknown command or option, a bad option value. */
  usage: 2,
  /** The CLI itself failed: a bug to report, with the message it printed. */
  internal: 3,
} as const;
