export {
  compareSchemaToData,
  describeDrift,
  logicalTypeOfColumn,
  missingObjects,
} from './schemaDrift';
export type { ObservedColumn, ObservedObject } from './schemaDrift';
