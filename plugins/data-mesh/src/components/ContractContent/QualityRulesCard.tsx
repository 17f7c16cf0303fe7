import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { InfoCard } from '@backstage/core-components';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import {
  contractQualityRules,
  describeCheck,
  describeThreshold,
} from '../../lib/qualityRules';

/** Every quality rule of the contract: where it applies, what it checks, the threshold. */
export function QualityRulesCard({ contract }: { contract: OdcsContract }) {
  const rules = useMemo(() => contractQualityRules(contract), [contract]);
  return (
    <InfoCard
      title="Quality rules"
      subheader={`${rules.length} rule${rules.length === 1 ? '' : 's'}`}
    >
      {rules.length === 0 ? (
        <Typography variant="body2">
          The contract declares no quality rules. Add <code>quality</code>{' '}
          entries to its objects or fields to have them checked.
        </Typography>
      ) : (
        <Table size="small" aria-label="Quality rules">
          <TableHead>
            <TableRow>
              <TableCell>Element</TableCell>
              <TableCell>Rule</TableCell>
              <TableCell>Check</TableCell>
              <TableCell>Threshold</TableCell>
              <TableCell>Dimension</TableCell>
              <TableCell>Severity</TableCell>
              <TableCell>Schedule</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rules.map(({ element, rule }, i) => (
              <TableRow key={`${element}:${rule.id ?? rule.name ?? i}`}>
                <TableCell sx={{ fontFamily: 'monospace' }}>
                  {element}
                </TableCell>
                <TableCell>
                  {rule.name && <strong>{rule.name}</strong>}
                  {rule.name && rule.description ? <br /> : null}
                  {rule.description}
                  {rule.query && (
                    <Typography
                      variant="caption"
                      component="pre"
                      sx={{
                        whiteSpace: 'pre-wrap',
                        fontFamily: 'monospace',
                        m: 0,
                      }}
                    >
                      {rule.query}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{describeCheck(rule)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {[describeThreshold(rule), rule.unit]
                    .filter(Boolean)
                    .join(' ')}
                </TableCell>
                <TableCell>{rule.dimension}</TableCell>
                <TableCell>{rule.severity}</TableCell>
                <TableCell>
                  {[rule.scheduler, rule.schedule].filter(Boolean).join(' ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
