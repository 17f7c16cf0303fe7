import type { LineageResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { shortRef } from '../../lib/entityRefs';
import { Identifier, readableTableSx } from '../common';

/** Which column feeds which, across the products of the graph. */
export function ColumnLineageTable({ lineage }: { lineage: LineageResponse }) {
  const titles = new Map(
    lineage.nodes.map(n => [n.entityRef, n.title ?? shortRef(n.entityRef)]),
  );
  const rows = lineage.edges.flatMap(edge =>
    (edge.columns ?? []).map(column => ({ edge, column })),
  );
  if (rows.length === 0) {
    return (
      <Typography variant="body2" role="status">
        No column lineage is known for these products. Pipelines report it in
        the OpenLineage <code>columnLineage</code> facet.
      </Typography>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Column lineage" sx={readableTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>From product</TableCell>
            <TableCell>Column</TableCell>
            <TableCell>To product</TableCell>
            <TableCell>Column</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ edge, column }) => (
            <TableRow
              key={`${edge.from}:${column.from}>${edge.to}:${column.to}`}
            >
              <TableCell>
                {titles.get(edge.from) ?? shortRef(edge.from)}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>
                <Identifier text={column.from} />
              </TableCell>
              <TableCell>{titles.get(edge.to) ?? shortRef(edge.to)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>
                <Identifier text={column.to} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
