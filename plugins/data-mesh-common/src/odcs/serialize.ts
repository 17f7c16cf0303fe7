import { stringify } from 'yaml';
import type { OdcsContract } from './model';

/**
 * Writes a contract as YAML (or JSON), keys in the order the contract holds them, so that
 * reading the text back gives an equal contract: strings that would read as another type
 * (`"1.0"`, `"true"`, `"2024-01-01"`...) are quoted, long strings are not folded, multi-line
 * strings are written as literal blocks, and values repeated in the contract are written out
 * again rather than as YAML aliases.
 * @public
 */
export function serializeOdcs(
  contract: OdcsContract,
  options: { format?: 'yaml' | 'json' } = {},
): string {
  if (options.format === 'json')
    return `${JSON.stringify(contract, null, 2)}\n`;
  return stringify(contract, {
    aliasDuplicateObjects: false,
    lineWidth: 0,
    indentSeq: true,
  });
}
