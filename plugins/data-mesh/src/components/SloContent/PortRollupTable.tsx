import type {
  PortRollup,
  SloTally,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { SloView } from '@backstage-data-mesh/plugin-data-mesh-common';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { readableTableSx, SloStatusChip } from '../common';

/** `3 passing · 1 failing · 2 not checked`, leaving out what is zero. */
export function tallyText(tally: SloTally): string {
  const parts = [
    [tally.pass, 'passing'],
    [tally.fail, 'failing'],
    [tally.error, 'in error'],
    [tally.unknown, 'not checked'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(' · ');
  return text || 'no SLOs';
}

/**
 * A product with several output ports: the product's summary, then each port's SLOs as
 * they stood at their latest check on that port and which of them fail there.
 */
export function PortRollupTable(props: {
  rollup: PortRollup;
  slos: SloView[];
}) {
  const { rollup, slos } = props;
  const names = new Map(slos.map(s => [s.id, s.name]));
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} aria-label="Product summary">
        Product: {tallyText(rollup.summary)}, over {rollup.ports.length} output
        ports
      </Typography>
      <Table size="small" aria-label="Output ports" sx={readableTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>Output port</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>SLOs on this port</TableCell>
            <TableCell>Failing here</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rollup.ports.map(port => {
            const failing = port.slos
              .filter(s => s.status === 'fail' || s.status === 'error')
              .map(s => names.get(s.id) ?? s.id);
            return (
              <TableRow key={port.port} data-port={port.port}>
                <TableCell>
                  <Typography variant="body2" fontWeight={600}>
                    {port.port}
                  </Typography>
                  {port.type && (
                    <Typography variant="caption" color="text.secondary">
                      {port.type}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <SloStatusChip status={port.summary.status} />
                </TableCell>
                <TableCell>{tallyText(port.summary)}</TableCell>
                <TableCell>
                  {failing.length ? failing.join(', ') : '–'}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
