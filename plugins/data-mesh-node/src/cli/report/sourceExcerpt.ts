/** Widest part of a line shown around the column an issue points at. */
const MAX_WIDTH = 120;

/**
 * The lines of `text` around `line` (1-based) with a caret under `column`, the way compilers
 * show where an error is:
 *
 * ```
 *    17 |     environment: prod
 *  > 18 |     location: s3://bucket/{model}/*.json
 *       |               ^
 * ```
 * Lines wider than 120 characters are cut around the column. Empty when the line is not
 * in the text.
 */
export function sourceExcerpt(
  text: string,
  line: number,
  column = 1,
): string[] {
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return [];
  const width = String(line).length;
  const gutter = (label: string) => `${label.padStart(width)} |`;
  const cut = (content: string): [string, number] => {
    if (content.length <= MAX_WIDTH) return [content, 0];
    const start = Math.max(
      0,
      Math.min(column - 1 - MAX_WIDTH / 2, content.length - MAX_WIDTH),
    );
    return [`…${content.slice(start, start + MAX_WIDTH)}…`, start - 1];
  };
  const shown: string[] = [];
  if (line > 1 && lines[line - 2].trim() !== '') {
    shown.push(
      `  ${gutter(String(line - 1))} ${
        cut(lines[line - 2].replace(/\t/g, ' '))[0]
      }`,
    );
  }
  const [content, shift] = cut(lines[line - 1].replace(/\t/g, ' '));
  shown.push(`> ${gutter(String(line))} ${content}`);
  shown.push(`  ${gutter('')} ${' '.repeat(Math.max(0, column - 1 - shift))}^`);
  return shown;
}
