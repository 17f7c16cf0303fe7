/**
 * How a value meant to be a URI reads:
 * - `uri`: an absolute URI (`scheme:` followed by URI characters);
 * - `templated`: a URI with `{placeholder}` parts (RFC 6570 style, such as DCS's
 *   `s3://bucket/{model}/*.json`), which a strict `uri` format check rejects because braces
 *   are not URI characters;
 * - `invalid`: anything else.
 * @public
 */
export type UriKind = 'uri' | 'templated' | 'invalid';

const ABSOLUTE_URI =
  /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const PLACEHOLDER = /\{[^{}\s]+\}/;
const PLACEHOLDERS = /\{[^{}\s]+\}/g;

/**
 * Classifies a URI-valued string (see {@link UriKind}).
 * @public
 */
export function classifyUri(value: string): UriKind {
  if (ABSOLUTE_URI.test(value)) return 'uri';
  if (
    PLACEHOLDER.test(value) &&
    ABSOLUTE_URI.test(value.replace(PLACEHOLDERS, 'x'))
  ) {
    return 'templated';
  }
  return 'invalid';
}
