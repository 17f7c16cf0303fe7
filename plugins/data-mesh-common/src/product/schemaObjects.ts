/**
 * A contract's schema objects and the names they have where the data lives.
 */
import type {
  OdcsContract,
  OdcsSchemaObject,
  OdcsSchemaProperty,
} from '../odcs/model';

const named = (value: unknown): value is { name: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  (value as { name: string }).name.trim() !== '';

/**
 * The schema objects (tables, files, topics) of a contract that have a name; entries without
 * one describe nothing that can be found in the data, and are left out everywhere (SLOs,
 * checks, lineage).
 * @public
 */
export function schemaObjects(
  contract: Pick<OdcsContract, 'schema'> | undefined | null,
): OdcsSchemaObject[] {
  return Array.isArray(contract?.schema) ? contract!.schema.filter(named) : [];
}

/**
 * The properties (columns, fields) of a schema object that have a name.
 * @public
 */
export function schemaProperties(
  object: Pick<OdcsSchemaObject, 'properties'>,
): OdcsSchemaProperty[] {
  return Array.isArray(object.properties)
    ? object.properties.filter(named)
    : [];
}

/**
 * The name of an object or property where the data lives: its `physicalName` when it has
 * one (not blank), else its `name`.
 * @public
 */
export function physicalName(element: {
  name?: string;
  physicalName?: string;
}): string {
  const physical =
    typeof element.physicalName === 'string' ? element.physicalName.trim() : '';
  return physical || (element.name ?? '');
}

/** An element of the schema: the object (its physical name) and one column in it. */
export interface SchemaElement {
  object: string;
  column: string;
  /** `day` when the column is a date, so an age is measured in whole days. */
  granularity?: 'day';
}

const TIME_TYPES = /date|time/i;

function isTimeProperty(p: OdcsSchemaProperty): boolean {
  return (
    p.logicalType === 'date' ||
    p.logicalType === 'timestamp' ||
    p.logicalType === 'time' ||
    (typeof p.physicalType === 'string' && TIME_TYPES.test(p.physicalType))
  );
}

function located(
  object: OdcsSchemaObject,
  property: OdcsSchemaProperty,
): SchemaElement {
  const place: SchemaElement = {
    object: physicalName(object),
    column: physicalName(property),
  };
  if (property.logicalType === 'date') place.granularity = 'day';
  return place;
}

/**
 * The column an SLA property's `element` names (`orders.created_at`, or a bare column
 * searched in every object; by logical or physical name), else the contract's
 * `slaDefaultElement`; with neither, the first (partitioned first) date or time column.
 * Undefined when nothing fits.
 */
export function findSchemaElement(
  contract: OdcsContract,
  element: string | undefined,
): SchemaElement | undefined {
  const objects = schemaObjects(contract);
  const first = (element ?? contract.slaDefaultElement ?? '')
    .split(',')[0]
    .trim();
  if (first) {
    const dot = first.lastIndexOf('.');
    const objectName = dot > 0 ? first.slice(0, dot) : undefined;
    const columnName = dot > 0 ? first.slice(dot + 1) : first;
    for (const object of objects) {
      if (
        objectName &&
        object.name !== objectName &&
        object.physicalName !== objectName
      )
        continue;
      const property = schemaProperties(object).find(
        p => p.name === columnName || p.physicalName === columnName,
      );
      if (property) return located(object, property);
      if (objectName)
        return { object: physicalName(object), column: columnName };
    }
    return undefined;
  }
  for (const object of objects) {
    const properties = schemaProperties(object);
    const time =
      properties.find(p => p.partitioned && isTimeProperty(p)) ??
      properties.find(isTimeProperty);
    if (time) return located(object, time);
  }
  return undefined;
}
