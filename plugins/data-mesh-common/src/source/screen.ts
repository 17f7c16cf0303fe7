import type { SourceLimits } from './limits';
import { formatBytes } from './limits';

/** Why a text was refused before parsing, and where. */
export interface Refusal {
  rule: 'file-too-large' | 'not-text';
  message: string;
  offset?: number;
}

/**
 * UTF-8 length of a string, counted without allocating the encoded bytes. Stops early once
 * the count passes `stopAbove`, since the caller only needs to know it is too big.
 */
function utf8Length(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// C0 control characters other than tab, line feed and carriage return, and DEL: YAML and
// JSON allow none of them, and text files do not contain them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function describeCharacter(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code === 0 ? 'a NUL byte (U+0000)' : `the control character U+${hex}`;
}

/**
 * Checks what can be checked without parsing: the size of the text and whether it is
 * text at all. Returns the reason to refuse it, or undefined when it may be parsed.
 */
export function screenText(
  text: string,
  limits: SourceLimits,
): Refusal | undefined {
  // UTF-8 never takes fewer bytes than UTF-16 code units, nor more than three per unit.
  if (
    text.length > limits.maxBytes ||
    (text.length * 3 > limits.maxBytes &&
      utf8Length(text, limits.maxBytes) > limits.maxBytes)
  ) {
    const size =
      text.length > limits.maxBytes
        ? `at least ${formatBytes(text.length)}`
        : formatBytes(utf8Length(text, Infinity));
    return {
      rule: 'file-too-large',
      message: `the file is ${size}, over the limit of ${formatBytes(
        limits.maxBytes,
      )} for a contract source; it was not read. Split it into smaller files, or raise limits.maxBytes if the file is trusted`,
    };
  }
  const found = text.search(CONTROL_CHARACTER);
  if (found !== -1) {
    return {
      rule: 'not-text',
      message: `this is not a text file: it contains ${describeCharacter(
        text.charCodeAt(found),
      )}, which YAML and JSON do not allow; contract sources are YAML or JSON text (is this a binary file, or saved in UTF-16?)`,
      offset: found,
    };
  }
  return undefined;
}
