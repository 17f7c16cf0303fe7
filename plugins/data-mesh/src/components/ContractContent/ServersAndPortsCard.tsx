import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProductDetails } from '@backstage-data-mesh/plugin-data-mesh-client';
import { InfoCard } from '@backstage/core-components';
import Box from '@mui/material/Box';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Identifier, readableTableSx } from '../common';

function locationOf(server: Record<string, unknown>): string {
  const text = (key: string) =>
    server[key] === undefined || server[key] === null
      ? undefined
      : String(server[key]);
  if (text('location')) return text('location')!;
  if (text('path')) return text('path')!;
  const host = text('host');
  const where = [
    text('database') ?? text('catalog') ?? text('project'),
    text('schema') ?? text('dataset'),
  ]
    .filter(Boolean)
    .join('.');
  if (host)
    return `${host}${text('port') ? `:${text('port')}` : ''}${
      where ? `/${where}` : ''
    }`;
  return where || text('account') || '';
}

/**
 * Where the data lives (the contract's servers, and whether the portal measures SLOs
 * there) and the product's ports (what it reads and what it serves).
 */
export function ServersAndPortsCard(props: {
  contract: OdcsContract;
  details?: DataProductDetails;
}) {
  const { contract, details } = props;
  const servers = contract.servers ?? [];
  const measured = new Map((details?.servers ?? []).map(s => [s.server, s]));
  const ports = details?.ports ?? [];
  return (
    <InfoCard title="Servers and ports">
      <Typography variant="subtitle2" component="h3">
        Servers
      </Typography>
      {servers.length === 0 ? (
        <Typography variant="body2" mb={2}>
          No server configured: the contract does not say where the data lives,
          so SLOs can only come from results that pipelines push.
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto', mb: 2 }}>
          <Table size="small" aria-label="Servers" sx={readableTableSx}>
            <TableHead>
              <TableRow>
                <TableCell>Server</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Environment</TableCell>
                <TableCell>Location</TableCell>
                <TableCell>SLO checks</TableCell>
                <TableCell>Description</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {servers.map(server => {
                const m = measured.get(server.server);
                return (
                  <TableRow key={server.server}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>
                      <Identifier text={server.server} />
                    </TableCell>
                    <TableCell>{server.type}</TableCell>
                    <TableCell>{server.environment}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>
                      <Identifier
                        text={
                          m?.location ??
                          locationOf(
                            server as unknown as Record<string, unknown>,
                          )
                        }
                      />
                    </TableCell>
                    <TableCell>
                      {m?.evaluated ? 'Measured by the portal' : 'Not measured'}
                      {m?.notEvaluatedBecause && (
                        <Typography
                          variant="caption"
                          color="text.secondary"
                          display="block"
                        >
                          {m.notEvaluatedBecause}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{server.description}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      <Typography variant="subtitle2" component="h3">
        Ports
      </Typography>
      {ports.length === 0 ? (
        <Typography variant="body2">
          {details
            ? 'The product declares no input or output ports.'
            : 'Ports are not available.'}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Ports" sx={readableTableSx}>
            <TableHead>
              <TableRow>
                <TableCell>Port</TableCell>
                <TableCell>Direction</TableCell>
                <TableCell>Connects to</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Location</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ports.map(port => (
                <TableRow key={`${port.direction}:${port.name}`}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>
                    <Identifier text={port.name} />
                  </TableCell>
                  <TableCell>{port.direction}</TableCell>
                  <TableCell>
                    {port.product ? (
                      <EntityRefLink
                        entityRef={port.product}
                        defaultKind="component"
                      />
                    ) : (
                      port.contractId ?? ''
                    )}
                    {port.outputPort && ` (${port.outputPort})`}
                  </TableCell>
                  <TableCell>{port.type}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>
                    {port.location && <Identifier text={port.location} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </InfoCard>
  );
}
