import type {
  ContractIssue,
  OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { formatIssue } from '@backstage-data-mesh/plugin-data-mesh-common';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { readChangelog } from '../../lib/changelog';
import { absoluteTime } from '../../lib/time';
import { ToneChip } from '../common';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '')
    return null;
  return (
    <Box minWidth={140}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
}

/**
 * What the contract is: its id, version and status, the format it was written in, what
 * it is for, what is wrong with it (issues), and its changelog.
 */
export function ContractOverviewCard(props: {
  contract?: OdcsContract;
  format: string;
  location?: string;
  issues: ContractIssue[];
}) {
  const { contract, format, location, issues } = props;
  const changelog = readChangelog(contract);
  const errors = issues.filter(i => i.severity === 'error');
  const description = contract?.description;
  return (
    <InfoCard title={contract?.name ?? contract?.id ?? 'Contract'}>
      <Box display="flex" flexWrap="wrap" gap={3} mb={2}>
        <Fact label="Version">
          <span data-testid="contract-version">{contract?.version}</span>
        </Fact>
        <Fact label="Status">
          {contract?.status && <ToneChip label={contract.status} />}
        </Fact>
        <Fact label="Contract id">{contract?.id}</Fact>
        <Fact label="Format">
          {format}
          {contract?.apiVersion ? ` (read as ODCS ${contract.apiVersion})` : ''}
        </Fact>
        <Fact label="Domain">{contract?.domain}</Fact>
        <Fact label="Created">{absoluteTime(contract?.contractCreatedTs)}</Fact>
        <Fact label="Source">{location}</Fact>
      </Box>
      {description?.purpose && (
        <Typography variant="body2" paragraph>
          {String(description.purpose)}
        </Typography>
      )}
      {description?.usage && (
        <Typography variant="body2" paragraph>
          <strong>Usage: </strong>
          {String(description.usage)}
        </Typography>
      )}
      {description?.limitations && (
        <Typography variant="body2" paragraph>
          <strong>Limitations: </strong>
          {String(description.limitations)}
        </Typography>
      )}
      {issues.length > 0 && (
        <WarningPanel
          severity={errors.length > 0 ? 'error' : 'warning'}
          title={`${issues.length} issue${
            issues.length === 1 ? '' : 's'
          } in the contract`}
          defaultExpanded
        >
          <ul style={{ margin: 0 }}>
            {issues.map((issue, i) => (
              <li key={i}>{formatIssue(issue)}</li>
            ))}
          </ul>
        </WarningPanel>
      )}
      <Typography variant="subtitle2" component="h3" mt={1}>
        Changelog
      </Typography>
      {changelog.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          The contract carries no changelog; version{' '}
          {contract?.version ?? 'unknown'} is the one shown.
        </Typography>
      ) : (
        <ul aria-label="Changelog" style={{ marginTop: 4 }}>
          {changelog.map(entry => (
            <li key={entry.version}>
              <strong>{entry.version}</strong>
              {entry.date && ` (${entry.date})`}
              {entry.breaking && (
                <ToneChip label="breaking" tone="warning" ml={1} />
              )}
              {entry.changes.length > 0 && (
                <ul>
                  {entry.changes.map(change => (
                    <li key={change}>{change}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </InfoCard>
  );
}
