import { ruleSetFor } from '../odcs/validation/checker';
import { serverConnectionKeys } from '../odcs/validation/serverTypes';
import { IMPORTED_API_VERSION } from './provenance';

/** The rules of the ODCS version converters write: which server types and keys exist. */
const RULES = ruleSetFor(IMPORTED_API_VERSION);

/** The ODCS server type for a source type: the same name when ODCS has it, else `custom`. */
export function odcsServerType(type: string): string {
  const lower = type.toLowerCase();
  return serverConnectionKeys(lower, RULES) ? lower : 'custom';
}

/**
 * The connection fields an ODCS server of `type` defines (`host`, `port`, `database`... for
 * `postgres`), besides those every server has. A converter puts a source field in the ODCS
 * server when the type defines it, and in `customProperties` otherwise.
 */
export function odcsServerFields(type: string): readonly string[] {
  return serverConnectionKeys(type, RULES) ?? [];
}
