/**
 * Names for parts of the ODCS model that the suite's own code works with. The public model
 * writes these parts inline; these names are derived from it, so they cannot drift.
 */
import type { OdcsContract } from './contract';
import type { OdcsPropertyBase, OdcsSchemaObject } from './schema';
import type { OdcsServer } from './servers';

type Item<T> = NonNullable<T> extends ReadonlyArray<infer I> ? I : never;

export type OdcsServerType = OdcsServer['type'];
export type OdcsRole = Item<OdcsContract['roles']>;
export type OdcsSupportChannel = Item<OdcsContract['support']>;
export type OdcsDescription = NonNullable<OdcsContract['description']>;
export type OdcsTeamField = NonNullable<OdcsContract['team']>;
export type OdcsTeam = Exclude<OdcsTeamField, readonly unknown[]>;
export type OdcsLogicalType = NonNullable<OdcsPropertyBase['logicalType']>;
export type OdcsPropertyRelationship = Item<OdcsPropertyBase['relationships']>;
export type OdcsSchemaRelationship = Item<OdcsSchemaObject['relationships']>;
export type OdcsItemProperty = OdcsPropertyBase;
export type OdcsScalar = string | number | boolean | null;
