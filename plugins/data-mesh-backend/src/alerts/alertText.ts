/**
 * Text that goes into a notification: a title or line a person reads, never a carrier for
 * control characters, direction overrides or pages of text someone pushed.
 */
import { createHash } from 'node:crypto';

// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates that make
// text read differently from what it says.
const UNSEEN =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of plain text of at most `max` characters: control and direction characters become
 * spaces, runs of whitespace one space, and a longer text ends with `…`.
 */
export function plainText(text: string, max: number): string {
  const line = text.replace(UNSEEN, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * A key of at most `max` characters (notification topics and scopes are 255): the text itself
 * when it fits, else its start and a hash of the whole, so different texts keep different keys.
 */
export function boundedKey(text: string, max = 255): string {
  if (text.length <= max) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  let start = '';
  for (const char of text) {
    if (start.length + char.length > max - hash.length - 1) break;
    start += char;
  }
  return `${start}:${hash}`;
}
