import {
  isPersonalData,
  OdcsPropertyBase,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { styled } from '@mui/material/styles';
import { memo, useCallback, useMemo, useState } from 'react';
import { describeConstraints, propertyFlags } from '../../lib/constraints';
import { SchemaRow, visibleSchemaRows } from '../../lib/schemaRows';

/*
 * One styled table with plain rows: a 500-field schema is 500 × 7 cells, so the cells are
 * bare elements styled from the table (one style rule set), not a component each.
 */
const Table = styled('table')(({ theme }) => ({
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: theme.typography.body2.fontSize,
  color: theme.palette.text.primary,
  '& th': {
    textAlign: 'left',
    fontWeight: 600,
    padding: theme.spacing(1),
    borderBottom: `2px solid ${theme.palette.divider}`,
    whiteSpace: 'nowrap',
    position: 'sticky',
    top: 0,
    background: theme.palette.background.paper,
  },
  '& td': {
    padding: theme.spacing(0.75, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    verticalAlign: 'top',
  },
  '& tbody tr:hover': { background: theme.palette.action.hover },
  '& .name': { fontFamily: 'monospace', fontWeight: 600, whiteSpace: 'nowrap' },
  '& .role': { fontFamily: 'monospace', color: theme.palette.text.secondary },
  '& .secondary': { color: theme.palette.text.secondary, display: 'block' },
  '& .mono': { fontFamily: 'monospace' },
  '& .badge': {
    display: 'inline-block',
    padding: '0 6px',
    marginRight: 4,
    marginBottom: 2,
    borderRadius: 10,
    fontSize: '0.75rem',
    lineHeight: '18px',
    border: `1px solid ${theme.palette.divider}`,
    whiteSpace: 'nowrap',
  },
  '& .pii': {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
    fontWeight: 600,
  },
  '& .toggle': {
    border: 'none',
    background: 'none',
    color: 'inherit',
    cursor: 'pointer',
    width: 20,
    padding: 0,
    font: 'inherit',
  },
  '& .toggle:focus-visible': {
    outline: `2px solid ${theme.palette.primary.main}`,
  },
  '& .spacer': { display: 'inline-block', width: 20 },
}));

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
  collapsed: boolean;
  onToggle(path: string): void;
}

const SchemaRowView = memo(function SchemaTableRow({
  row,
  collapsed,
  onToggle,
}: RowProps) {
  const p = row.property;
  const constraints = describeConstraints(p);
  const pii = isPersonalData(p);
  return (
    <tr data-path={row.path}>
      <td style={{ paddingLeft: 8 + row.depth * 20 }}>
        {row.hasChildren ? (
          <button
            type="button"
            className="toggle"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${row.path}`}
            onClick={() => onToggle(row.path)}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="spacer" />
        )}
        <span className={row.role === 'property' ? 'name' : 'role'}>
          {row.label}
        </span>
        {p.physicalName && p.physicalName !== row.label && (
          <span className="secondary mono">{p.physicalName}</span>
        )}
        {p.businessName && <span className="secondary">{p.businessName}</span>}
      </td>
      <td>
        {typeOf(p)}
        {p.physicalType && (
          <span className="secondary mono">{p.physicalType}</span>
        )}
      </td>
      <td>
        {propertyFlags(p).map(flag => (
          <span key={flag} className="badge">
            {flag}
          </span>
        ))}
      </td>
      <td>
        {constraints.map(c => (
          <span key={c} className="secondary mono">
            {c}
          </span>
        ))}
      </td>
      <td>
        {p.classification}
        {pii && (
          <>
            {p.classification ? ' ' : ''}
            <span className="badge pii" title="Personal data">
              PII
            </span>
          </>
        )}
      </td>
      <td>{p.description}</td>
      <td className="mono">{examplesOf(p)}</td>
    </tr>
  );
});

/**
 * The properties of one schema object, nested properties, array items and map keys and
 * values indented under their parent, each parent collapsible.
 */
export function SchemaTable({
  rows,
  label,
}: {
  rows: SchemaRow[];
  label: string;
}) {
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
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Keys</th>
            <th scope="col">Constraints</th>
            <th scope="col">Classification</th>
            <th scope="col">Description</th>
            <th scope="col">Examples</th>
          </tr>
        </thead>
        <tbody>
          {visible.map(row => (
            <SchemaRowView
              key={row.path}
              row={row}
              collapsed={collapsed.has(row.path)}
              onToggle={onToggle}
            />
          ))}
        </tbody>
      </Table>
    </div>
  );
}
