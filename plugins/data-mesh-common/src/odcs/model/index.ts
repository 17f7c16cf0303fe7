export type { OdcsAuthoritativeDefinition, OdcsCustomProperty } from './common';
export type { OdcsContract, OdcsSlaProperty, OdcsTeamMember } from './contract';
export type {
  OdcsLogicalTypeOptions,
  OdcsLogicalTypeOptionsByType,
} from './logicalTypes';
export { ODCS_QUALITY_OPERATORS } from './quality';
export type {
  OdcsQualityMetric,
  OdcsQualityOperator,
  OdcsQualityRule,
} from './quality';
export type {
  OdcsPropertyBase,
  OdcsSchemaElement,
  OdcsSchemaObject,
  OdcsSchemaProperty,
} from './schema';
export type { OdcsServer, OdcsServerConnections } from './servers';
export type {
  OdcsDescription,
  OdcsItemProperty,
  OdcsLogicalType,
  OdcsPropertyRelationship,
  OdcsRole,
  OdcsScalar,
  OdcsSchemaRelationship,
  OdcsServerType,
  OdcsSupportChannel,
  OdcsTeam,
  OdcsTeamField,
} from './parts';
