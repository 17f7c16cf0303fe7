import type { DataProductSummary } from '@backstage-data-mesh/plugin-data-mesh-common';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { shortRef } from '../../lib/entityRefs';
import { freshnessState, ProductSortKey } from '../../lib/productQuery';
import { absoluteTime, relativeTime } from '../../lib/time';
import { GovernanceChip, SloHealthChip } from '../common';

const COLUMNS: Array<{ key: ProductSortKey; label: string }> = [
  { key: 'name', label: 'Product' },
  { key: 'domain', label: 'Domain' },
  { key: 'owner', label: 'Owner' },
  { key: 'productKind', label: 'Kind' },
  { key: 'classification', label: 'Classification' },
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

const ProductRow = memo(function ProductRowView({
  product,
  now,
  linkTo,
}: {
  product: DataProductSummary;
  now: number;
  linkTo: (entityRef: string) => string;
}) {
  return (
    <TableRow hover>
      <TableCell>
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
      </TableCell>
      <TableCell>
        {product.domain && (
          <Link to={linkTo(product.domain)}>{shortRef(product.domain)}</Link>
        )}
      </TableCell>
      <TableCell>
        {product.owner && (
          <Link to={linkTo(product.owner)}>{shortRef(product.owner)}</Link>
        )}
      </TableCell>
      <TableCell>{product.productKind}</TableCell>
      <TableCell>{product.classification}</TableCell>
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

/** One page of products, sortable by every column (the headers are buttons). */
export function ProductTable(props: {
  products: DataProductSummary[];
  sort: ProductSortKey;
  direction: 'asc' | 'desc';
  onSort(key: ProductSortKey): void;
  now: number;
}) {
  const { products, sort, direction, onSort, now } = props;
  // Plain links (not EntityRefLink, which looks every entity up): a page shows 75 of them.
  const linkTo = useEntityRefLink();
  return (
    <Table
      size="small"
      aria-label="Data products"
      sx={{ '& th, & td:not(:first-of-type)': { whiteSpace: 'nowrap' } }}
    >
      <TableHead>
        <TableRow>
          {COLUMNS.map(column => (
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
          />
        ))}
      </TableBody>
    </Table>
  );
}
