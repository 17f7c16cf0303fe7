import type { DataProductSummary } from '@backstage-data-mesh/plugin-data-mesh-client';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { memo } from 'react';
import { shortRef } from '../../lib/entityRefs';
import { freshnessState, ProductSortKey } from '../../lib/productQuery';
import { absoluteTime, relativeTime } from '../../lib/time';
import { GovernanceChip, readableTableSx, SloHealthChip } from '../common';

interface Column {
  key: ProductSortKey;
  label: string;
}

/** Every column, for screens wide enough to show them side by side. */
const WIDE: Column[] = [
  { key: 'name', label: 'Product' },
  { key: 'domain', label: 'Domain' },
  { key: 'owner', label: 'Owner' },
  { key: 'productKind', label: 'Product kind' },
  { key: 'classification', label: 'Classification' },
  { key: 'sloHealth', label: 'SLO health' },
  { key: 'governance', label: 'Governance' },
  { key: 'freshness', label: 'Freshness' },
];

/**
 * Narrower screens: kind and classification go under the product's name, owner under its
 * domain, so the status columns (SLO health, governance, freshness) stay in view.
 */
const COMPACT: Column[] = [
  { key: 'name', label: 'Product' },
  { key: 'domain', label: 'Domain' },
  { key: 'sloHealth', label: 'SLO health' },
  { key: 'governance', label: 'Governance' },
  { key: 'freshness', label: 'Freshness' },
];

function Freshness({
  product,
  now,
}: {
  product: DataProductSummary;
  now: number;
}) {
  const at = product.freshness?.lastUpdatedAt;
  if (!at) {
    return (
      <Typography variant="body2" color="text.secondary">
        {product.access?.read === false ? 'restricted' : 'unknown'}
      </Typography>
    );
  }
  const state = freshnessState(product, now);
  return (
    <Typography
      variant="body2"
      title={absoluteTime(at)}
      color={state === 'stale' ? 'error' : undefined}
    >
      {relativeTime(at, now)}
      {state === 'stale' && ' (stale)'}
    </Typography>
  );
}

const Secondary = ({ children }: { children: string }) => (
  <Typography variant="caption" color="text.secondary" display="block">
    {children}
  </Typography>
);

const ProductRow = memo(function ProductRowView({
  product,
  now,
  linkTo,
  compact,
}: {
  product: DataProductSummary;
  now: number;
  linkTo: (entityRef: string) => string;
  compact: boolean;
}) {
  const owner = product.owner && (
    <Link to={linkTo(product.owner)}>{shortRef(product.owner)}</Link>
  );
  const facts = [product.productKind, product.classification]
    .filter(Boolean)
    .join(' · ');
  return (
    <TableRow hover>
      <TableCell sx={{ width: compact ? '40%' : '26%' }}>
        <Link to={linkTo(product.entityRef)}>
          {product.title ?? product.name}
        </Link>
        {product.description && (
          <Typography
            variant="caption"
            color="text.secondary"
            display="block"
            sx={{
              maxWidth: 280,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
            title={product.description}
          >
            {product.description}
          </Typography>
        )}
        {compact && facts && <Secondary>{facts}</Secondary>}
      </TableCell>
      <TableCell>
        {product.domain && (
          <Link to={linkTo(product.domain)}>{shortRef(product.domain)}</Link>
        )}
        {compact && owner && (
          <Typography variant="caption" display="block">
            {owner}
          </Typography>
        )}
      </TableCell>
      {!compact && (
        <>
          <TableCell>{owner}</TableCell>
          <TableCell>{product.productKind}</TableCell>
          <TableCell>{product.classification}</TableCell>
        </>
      )}
      <TableCell>
        <SloHealthChip
          health={product.sloHealth}
          restricted={product.access?.read === false}
        />
      </TableCell>
      <TableCell>
        <GovernanceChip
          verdict={product.governance}
          evaluatedAt={product.governanceEvaluatedAt}
          withheld={product.governanceWithheld}
        />
      </TableCell>
      <TableCell>
        <Freshness product={product} now={now} />
      </TableCell>
    </TableRow>
  );
});

/**
 * One page of products, sortable by every column (the headers are buttons). Below the
 * `lg` breakpoint the table folds kind, classification and owner into the product and
 * domain columns, so that health, governance and freshness stay visible.
 */
export function ProductTable(props: {
  products: DataProductSummary[];
  sort: ProductSortKey;
  direction: 'asc' | 'desc';
  onSort(key: ProductSortKey): void;
  now: number;
}) {
  const { products, sort, direction, onSort, now } = props;
  const theme = useTheme();
  const compact = useMediaQuery(theme.breakpoints.down('lg'));
  const columns = compact ? COMPACT : WIDE;
  // Plain links (not EntityRefLink, which looks every entity up): a page shows 75 of them.
  const linkTo = useEntityRefLink();
  return (
    <Table
      size="small"
      aria-label="Data products"
      sx={{
        ...readableTableSx,
        '& th, & td': { ...readableTableSx['& th, & td'], px: 1 },
        '& th:first-of-type, & td:first-of-type': { pl: 2 },
      }}
    >
      <TableHead>
        <TableRow>
          {columns.map(column => (
            <TableCell
              key={column.key}
              sortDirection={sort === column.key ? direction : false}
            >
              <TableSortLabel
                active={sort === column.key}
                direction={sort === column.key ? direction : 'asc'}
                onClick={() => onSort(column.key)}
              >
                {column.label}
              </TableSortLabel>
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {products.map(product => (
          <ProductRow
            key={product.entityRef}
            product={product}
            now={now}
            linkTo={linkTo}
            compact={compact}
          />
        ))}
      </TableBody>
    </Table>
  );
}
