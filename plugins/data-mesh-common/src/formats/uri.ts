import { isUri } from '../odcs/validation/formats';

/**
 * How a value meant to be a URI reads:
 * - `uri`: an absolute URI by RFC 3986 (the check `validateOdcs` applies);
 * - `templated`: a URI with `{placeholder}` parts (RFC 6570 style, such as DCS's
 *   `s3://bucket/{model}/*.json`), which the strict check rejects only because braces are
 *   not URI characters;
 * - `invalid`: anything else.
 * @public
 */
export type UriKind = 'uri' | 'templated' | 'invalid';

const PLACEHOLDER = /\{[^{}\s]+\}/;
const PLACEHOLDERS = /\{[^{}\s]+\}/g;

/**
 * Classifies a URI-valued string (see {@link UriKind}).
 * @public
 */
export function classifyUri(value: string): UriKind {
  if (isUri(value)) return 'uri';
  if (PLACEHOLDER.test(value) && isUri(value.replace(PLACEHOLDERS, 'x'))) {
    return 'templated';
  }
  return 'invalid';
}
