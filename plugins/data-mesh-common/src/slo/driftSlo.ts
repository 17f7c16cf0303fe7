/**
 * Schema drift as an SLO: the data's schema compared with the contract at each evaluation.
 */
import { toJsonPointer } from '../issues';
import type { OdcsContract } from '../odcs/model';
import {
  physicalName,
  schemaObjects,
  schemaProperties,
} from '../product/schemaObjects';
import { DEFAULT_OBJECTIVE } from './slaSlos';
import type { SloDefinition } from './types';

/**
 * The id of the schema drift SLO.
 * @public
 */
export const SCHEMA_DRIFT_SLO = 'schema:drift';

/**
 * Schema drift, an SLO of every contract that names a server and fields: where the portal
 * reads the server, each evaluation compares the data's schema with the contract; elsewhere
 * pipelines may push it.
 */
export function driftSlo(contract: OdcsContract): SloDefinition | undefined {
  const objects = schemaObjects(contract).filter(
    o => schemaProperties(o).length > 0,
  );
  if (objects.length === 0) return undefined;
  const servers = Array.isArray(contract.servers)
    ? contract.servers.filter(Boolean)
    : [];
  if (servers.length === 0) return undefined;
  return {
    id: SCHEMA_DRIFT_SLO,
    name: 'schema drift',
    kind: 'schema',
    target: {
      text: 'the data has every field of the contract, with its type',
      operator: '=',
      value: 0,
      unit: 'fields',
      objective: DEFAULT_OBJECTIVE,
    },
    measure: { type: 'schema', objects: objects.map(physicalName) },
    path: toJsonPointer(['schema']),
  };
}
