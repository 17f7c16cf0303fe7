import {
  type DriftFinding,
  isPersonalData,
  OdcsPropertyBase,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { CSSProperties, memo, useCallback, useMemo, useState } from 'react';
import { describeConstraints, propertyFlags } from '../../lib/constraints';
import { SchemaRow, visibleSchemaRows } from '../../lib/schemaRows';
import { GridTable, Identifier } from '../common';

const COLUMNS =
  'minmax(200px, 1.4fr) minmax(110px, 0.8fr) minmax(100px, 0.7fr) minmax(140px, 1fr) minmax(140px, 0.7fr) minmax(220px, 2fr)';
/** The examples column, shown when some field of the object has examples. */
const EXAMPLES_COLUMN = ' minmax(120px, 0.8fr)';

const HEADERS = [
  'Field',
  'Type',
  'Keys',
  'Constraints',
  'Classification',
  'Description',
];

function typeOf(property: OdcsPropertyBase): string {
  const logical = property.logicalType ?? '';
  if (logical === 'array' && property.items?.logicalType) {
    return `array of ${property.items.logicalType}`;
  }
  if (logical === 'map' && property.map) {
    return `map ${property.map.key?.logicalType ?? '?'} → ${
      property.map.value?.logicalType ?? '?'
    }`;
  }
  return logical;
}

function examplesOf(property: OdcsPropertyBase): string {
  const examples = Array.isArray(property.examples) ? property.examples : [];
  return examples
    .slice(0, 3)
    .map(e => (typeof e === 'string' ? e : JSON.stringify(e)))
    .join(', ');
}

interface RowProps {
  row: SchemaRow;
  showExamples: boolean;
  collapsed: boolean;
  onToggle(path: string): void;
  /** How the data departs from this field, when it does. */
  drift?: DriftFinding;
}

const DRIFT_LABELS: Record<DriftFinding['kind'], string> = {
  missing: 'not in the data',
  type: 'other type in the data',
  nullable: 'nulls allowed in the data',
  unknown: 'not in the contract',
  'missing-object': 'not in the data',
};

const SchemaRowView = memo(function SchemaTableRow({
  row,
  showExamples,
  collapsed,
  onToggle,
  drift,
}: RowProps) {
  const p = row.property;
  const constraints = describeConstraints(p);
  const pii = isPersonalData(p);
  return (
    <div role="row" className="row" data-path={row.path}>
      <div
        role="cell"
        className="cell"
        style={{ paddingLeft: (row.hasChildren ? 8 : 28) + row.depth * 20 }}
      >
        {row.hasChildren && (
          <button
            type="button"
            className="toggle"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${row.path}`}
            onClick={() => onToggle(row.path)}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        )}
        <span className={row.role === 'property' ? 'name' : 'role'}>
          <Identifier text={row.label} />
        </span>
        {p.physicalName && p.physicalName !== row.label && (
          <span className="secondary mono">
            <Identifier text={p.physicalName} />
          </span>
        )}
        {p.businessName && <span className="secondary">{p.businessName}</span>}
        {drift && (
          <span
            className="badge drift"
            title={drift.message}
            aria-label={`Schema drift: ${drift.message}`}
          >
            drift: {DRIFT_LABELS[drift.kind]}
          </span>
        )}
      </div>
      <div role="cell" className="cell">
        {typeOf(p)}
        {p.physicalType && (
          <span className="secondary mono">{p.physicalType}</span>
        )}
      </div>
      <div role="cell" className="cell">
        {propertyFlags(p).map(flag => (
          <span key={flag} className="badge">
            {flag}
          </span>
        ))}
      </div>
      <div role="cell" className="cell">
        {constraints.map(c => (
          <span key={c} className="secondary mono">
            <Identifier text={c} />
          </span>
        ))}
      </div>
      <div role="cell" className="cell">
        {p.classification}
        {pii && (
          <>
            {p.classification ? ' ' : ''}
            <span className="badge pii" title="Personal data">
              PII
            </span>
          </>
        )}
      </div>
      <div role="cell" className="cell">
        {p.description}
      </div>
      {showExamples && (
        <div role="cell" className="cell mono">
          <Identifier text={examplesOf(p)} />
        </div>
      )}
    </div>
  );
});

/**
 * The properties of one schema object, nested properties, array items and map keys and
 * values indented under their parent, each parent collapsible.
 */
export function SchemaTable({
  rows,
  label,
  long = false,
  drift = [],
}: {
  rows: SchemaRow[];
  label: string;
  /** Part of a long schema: rows out of view skip rendering (see GridTable). */
  long?: boolean;
  /** The object's drift findings: the fields they name are marked. */
  drift?: DriftFinding[];
}) {
  const driftOf = useMemo(() => {
    const byField = new Map<string, DriftFinding>();
    for (const f of drift)
      if (f.field && f.kind !== 'unknown') byField.set(f.field, f);
    return byField;
  }, [drift]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const onToggle = useCallback((path: string) => {
    setCollapsed(current => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);
  const visible = useMemo(
    () => visibleSchemaRows(rows, collapsed),
    [rows, collapsed],
  );
  const showExamples = useMemo(
    () => rows.some(row => examplesOf(row.property) !== ''),
    [rows],
  );
  return (
    <div style={{ overflowX: 'auto' }}>
      <GridTable
        role="table"
        className={long ? 'long' : undefined}
        aria-label={label}
        aria-rowcount={visible.length + 1}
        style={
          {
            '--columns': COLUMNS + (showExamples ? EXAMPLES_COLUMN : ''),
          } as CSSProperties
        }
      >
        <div role="row" className="head">
          {[...HEADERS, ...(showExamples ? ['Examples'] : [])].map(header => (
            <div role="columnheader" className="cell" key={header}>
              {header}
            </div>
          ))}
        </div>
        {visible.map(row => (
          <SchemaRowView
            key={row.path}
            row={row}
            showExamples={showExamples}
            collapsed={collapsed.has(row.path)}
            onToggle={onToggle}
            drift={row.depth === 0 ? driftOf.get(row.path) : undefined}
          />
        ))}
      </GridTable>
    </div>
  );
}
