import type {
  OdcsPropertyBase,
  OdcsSchemaObject,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** How a row relates to its parent property. */
export type SchemaRowRole = 'property' | 'items' | 'key' | 'value';

/**
 * One line of the schema table: a property of a schema object, a nested property of an
 * object, the items of an array, or the key or value of a map.
 */
export interface SchemaRow {
  /** Unique within the object: the dotted path, `[]` for array items, `{key}`/`{value}` for maps. */
  path: string;
  /** What the name column shows. */
  label: string;
  role: SchemaRowRole;
  /** 0 for the object's own properties. */
  depth: number;
  /** Path of the parent row, when nested. */
  parent?: string;
  /** True when rows are nested under this one. */
  hasChildren: boolean;
  property: OdcsPropertyBase;
}

function pushRows(
  rows: SchemaRow[],
  property: OdcsPropertyBase,
  label: string,
  path: string,
  role: SchemaRowRole,
  depth: number,
  parent: string | undefined,
) {
  const index = rows.length;
  rows.push({ path, label, role, depth, parent, hasChildren: false, property });
  const before = rows.length;
  for (const child of property.properties ?? []) {
    const name = child?.name ?? '';
    pushRows(rows, child, name, `${path}.${name}`, 'property', depth + 1, path);
  }
  if (property.items) {
    pushRows(
      rows,
      property.items,
      '[items]',
      `${path}[]`,
      'items',
      depth + 1,
      path,
    );
  }
  if (property.map?.key) {
    pushRows(
      rows,
      property.map.key,
      '{key}',
      `${path}{key}`,
      'key',
      depth + 1,
      path,
    );
  }
  if (property.map?.value) {
    pushRows(
      rows,
      property.map.value,
      '{value}',
      `${path}{value}`,
      'value',
      depth + 1,
      path,
    );
  }
  rows[index].hasChildren = rows.length > before;
}

/**
 * The rows of one schema object's table, depth first: every property, then its nested
 * properties, array items and map key/value, so nesting of any depth reads top to bottom.
 */
export function schemaRows(object: OdcsSchemaObject): SchemaRow[] {
  const rows: SchemaRow[] = [];
  for (const property of object.properties ?? []) {
    const name = property?.name ?? '';
    pushRows(rows, property, name, name, 'property', 0, undefined);
  }
  return rows;
}

/**
 * The rows a search keeps: those whose name, business name, description, type,
 * classification or tags contain every word of the query (any case), with their ancestors
 * so each match shows where it sits. An empty query keeps every row.
 */
export function searchSchemaRows(
  rows: SchemaRow[],
  query: string,
): SchemaRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  const keep = new Set<string>();
  const byPath = new Map(rows.map(r => [r.path, r]));
  for (const row of rows) {
    const p = row.property;
    const text = [
      row.path,
      p.businessName,
      p.description,
      p.logicalType,
      p.physicalType,
      p.classification,
      ...(Array.isArray(p.tags) ? p.tags : []),
    ]
      .filter(v => typeof v === 'string')
      .join(' ')
      .toLowerCase();
    if (words.every(w => text.includes(w))) {
      let current: SchemaRow | undefined = row;
      while (current && !keep.has(current.path)) {
        keep.add(current.path);
        current = current.parent ? byPath.get(current.parent) : undefined;
      }
    }
  }
  return rows.filter(r => keep.has(r.path));
}

/** The rows left visible when the rows whose paths are in `collapsed` hide their descendants. */
export function visibleSchemaRows(
  rows: SchemaRow[],
  collapsed: ReadonlySet<string>,
): SchemaRow[] {
  if (collapsed.size === 0) return rows;
  const hidden = new Set<string>();
  return rows.filter(row => {
    if (row.parent && (hidden.has(row.parent) || collapsed.has(row.parent))) {
      hidden.add(row.path);
      return false;
    }
    return true;
  });
}
