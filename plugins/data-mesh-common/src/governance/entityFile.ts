/**
 * A file given to governance that may be a Backstage entity (`catalog-info.yaml`) rather
 * than a contract.
 */
import { parseSource } from '../source';
import type { GovernedEntity } from './productFacts';

/**
 * The Backstage entity a file holds: its first YAML or JSON document, when that has an
 * `apiVersion` of `backstage.io/…`. Undefined for anything else (a contract, an ODPS product,
 * a file that does not parse), which the caller reads as a contract.
 * @public
 */
export function entityInFile(
  text: string,
  options: { fileName?: string } = {},
): GovernedEntity | undefined {
  const value = parseSource(text, { fileName: options.fileName }).documents[0]
    ?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const apiVersion = (value as { apiVersion?: unknown }).apiVersion;
  return typeof apiVersion === 'string' &&
    apiVersion.startsWith('backstage.io/')
    ? (value as GovernedEntity)
    : undefined;
}
