import type { LineageNode } from '@backstage-data-mesh/plugin-data-mesh-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import { useMemo, useState } from 'react';
import { shortRef } from '../../lib/entityRefs';
import { GovernanceChip, readableTableSx, SloHealthChip } from '../common';

/** `upstream, 2 hops`, `downstream, 1 hop`, `this product`. */
/** A node's name: a link to a product, or what an external or hidden node is. */
function NodeName({ node }: { node: LineageNode }) {
  if (node.hidden) {
    return (
      <span title="A data product you may not discover: its owners have not shared it with you">
        Hidden product
      </span>
    );
  }
  if (node.external) {
    return (
      <span title={node.entityRef}>
        {node.title ?? shortRef(node.entityRef)} (external dataset)
      </span>
    );
  }
  return <EntityRefLink entityRef={node.entityRef} title={node.title} />;
}

export function positionText(layer: number | undefined): string {
  if (layer === undefined) return '';
  if (layer === 0) return 'this product';
  const hops = Math.abs(layer);
  return `${layer < 0 ? 'upstream' : 'downstream'}, ${hops} hop${
    hops === 1 ? '' : 's'
  }`;
}

/**
 * The products of the lineage graph as a table (keyboard-usable and readable by screen
 * readers): upstream first, nearest first, then downstream.
 */
export function LineageNodesTable(props: {
  nodes: LineageNode[];
  layers: Map<string, number>;
}) {
  const { nodes, layers } = props;
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(10);
  const ordered = useMemo(
    () =>
      [...nodes].sort((a, b) => {
        const la = layers.get(a.entityRef) ?? 0;
        const lb = layers.get(b.entityRef) ?? 0;
        // The product itself first, then upstream nearest first, then downstream.
        const rank = (l: number) => {
          if (l === 0) return -1;
          return l < 0 ? 1000 - l : 2000 + l;
        };
        return (
          rank(la) - rank(lb) ||
          (a.title ?? a.entityRef).localeCompare(b.title ?? b.entityRef)
        );
      }),
    [nodes, layers],
  );
  const shown = ordered.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  return (
    <>
      <Table
        size="small"
        aria-label="Products in the lineage graph"
        sx={readableTableSx}
      >
        <TableHead>
          <TableRow>
            <TableCell>Product</TableCell>
            <TableCell>Position</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>Domain</TableCell>
            <TableCell>SLO health</TableCell>
            <TableCell>Governance</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(node => (
            <TableRow key={node.entityRef}>
              <TableCell>
                <NodeName node={node} />
              </TableCell>
              <TableCell>{positionText(layers.get(node.entityRef))}</TableCell>
              <TableCell>
                {node.owner && <EntityRefLink entityRef={node.owner} />}
              </TableCell>
              <TableCell>
                {node.domain && <EntityRefLink entityRef={node.domain} />}
              </TableCell>
              <TableCell>
                <SloHealthChip
                  health={node.sloHealth}
                  restricted={node.restricted}
                />
              </TableCell>
              <TableCell>
                {node.governance && (
                  <GovernanceChip verdict={node.governance} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {ordered.length > 10 && (
        <TablePagination
          component="div"
          count={ordered.length}
          page={page}
          onPageChange={(_, p) => setPage(p)}
          rowsPerPage={rowsPerPage}
          onRowsPerPageChange={e => {
            setRowsPerPage(Number(e.target.value));
            setPage(0);
          }}
          rowsPerPageOptions={[10, 25, 100]}
        />
      )}
    </>
  );
}
