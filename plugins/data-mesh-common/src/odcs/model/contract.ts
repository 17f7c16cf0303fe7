import type { OdcsAuthoritativeDefinition, OdcsCustomProperty } from './common';
import type { OdcsFundamentals } from './fundamentals';
import type { OdcsSchemaObject } from './schema';
import type { OdcsServer } from './servers';
import type {
  OdcsPrice,
  OdcsRole,
  OdcsSlaProperty,
  OdcsSupportChannel,
  OdcsTeamField,
} from './team';

/**
 * An ODCS v3 data contract (Bitol Open Data Contract Standard), the suite's canonical
 * contract model. Keys are named and nested exactly as in the standard, so a contract read
 * from YAML is this type once `validateOdcs` reports no error.
 * @public
 */
export interface OdcsContract extends OdcsFundamentals {
  /** The tables, views, topics, files... and their properties. */
  schema?: OdcsSchemaObject[];
  /** Where the data lives. */
  servers?: OdcsServer[];
  /** The owning team: the v3.1 object, or the deprecated list of members. */
  team?: OdcsTeamField;
  /** Access roles. */
  roles?: OdcsRole[];
  /** Support and communication channels. */
  support?: OdcsSupportChannel[];
  price?: OdcsPrice;
  /** Element the SLA properties apply to by default. Deprecated since v3.1. */
  slaDefaultElement?: string;
  slaProperties?: OdcsSlaProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  customProperties?: OdcsCustomProperty[];
}
