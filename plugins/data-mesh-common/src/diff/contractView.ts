/**
 * The parts of an ODCS v3.1/v3.2 contract that the diff and the governance engine read, named
 * as in the standard. Every field is optional and loosely typed on purpose: contracts arrive
 * from several readers and versions, and these functions must never trust their shape.
 */

/** @internal */
export interface ContractCustomProperty {
  property?: string;
  value?: unknown;
}

/** @internal */
export interface ContractAuthoritativeDefinition {
  type?: string;
  url?: string;
  description?: string;
}

/** @internal */
export interface ContractQualityRule {
  id?: string;
  name?: string;
  type?: string;
  metric?: string;
  rule?: string;
  dimension?: string;
  description?: string;
  severity?: string;
  unit?: string;
  query?: string;
  engine?: string;
  implementation?: unknown;
  arguments?: Record<string, unknown>;
  mustBe?: unknown;
  mustNotBe?: unknown;
  mustBeGreaterThan?: number;
  mustBeGreaterOrEqualTo?: number;
  mustBeLessThan?: number;
  mustBeLessOrEqualTo?: number;
  mustBeBetween?: readonly number[];
  mustNotBeBetween?: readonly number[];
  [key: string]: unknown;
}

/** @internal */
export interface ContractRelationship {
  type?: string;
  from?: string | readonly string[];
  to?: string | readonly string[];
}

/** @internal */
export interface ContractProperty {
  id?: string;
  name?: string;
  physicalName?: string;
  businessName?: string;
  description?: string;
  logicalType?: string;
  logicalTypeOptions?: Record<string, unknown>;
  physicalType?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  partitioned?: boolean;
  partitionKeyPosition?: number;
  classification?: string;
  encryptedName?: string;
  criticalDataElement?: boolean;
  enum?: readonly unknown[];
  tags?: readonly string[];
  customProperties?: readonly ContractCustomProperty[];
  quality?: readonly ContractQualityRule[];
  relationships?: readonly ContractRelationship[];
  properties?: readonly ContractProperty[];
  items?: ContractProperty;
  map?: { key?: ContractProperty; value?: ContractProperty };
  deprecated?: boolean;
}

/** @internal */
export interface ContractSchemaObject {
  id?: string;
  name?: string;
  physicalName?: string;
  physicalType?: string;
  businessName?: string;
  description?: string;
  logicalType?: string;
  dataGranularityDescription?: string;
  tags?: readonly string[];
  customProperties?: readonly ContractCustomProperty[];
  properties?: readonly ContractProperty[];
  quality?: readonly ContractQualityRule[];
  relationships?: readonly ContractRelationship[];
}

/** @internal */
export interface ContractSlaProperty {
  id?: string;
  property?: string;
  value?: unknown;
  valueExt?: unknown;
  unit?: string;
  element?: string;
  driver?: string;
  description?: string;
  scheduler?: string;
  schedule?: string;
}

/** @internal */
export interface ContractServer {
  id?: string;
  server?: string;
  type?: string;
  environment?: string;
  description?: string;
  [key: string]: unknown;
}

/**
 * A data contract in the ODCS v3 model, as far as diffing and governance read it.
 *
 * @internal
 */
export interface ContractDocument {
  apiVersion?: string;
  kind?: string;
  id?: string;
  name?: string;
  version?: string;
  status?: string;
  domain?: string;
  dataProduct?: string;
  tenant?: string;
  description?: unknown;
  tags?: readonly string[];
  schema?: readonly ContractSchemaObject[];
  servers?: readonly ContractServer[];
  slaProperties?: readonly ContractSlaProperty[];
  slaDefaultElement?: string;
  team?: unknown;
  support?: unknown;
  roles?: readonly Record<string, unknown>[];
  customProperties?: readonly ContractCustomProperty[];
  authoritativeDefinitions?: readonly ContractAuthoritativeDefinition[];
  price?: unknown;
}
