import type { PolicyResult } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { formatIssue } from '@backstage-data-mesh/plugin-data-mesh-common';
import { EmptyState, InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef } from '../../api';
import { BreakingChangeGates } from './BreakingChangeGates';
import { absoluteTime, relativeTime } from '../../lib/time';
import {
  AsyncContent,
  GovernanceChip,
  Identifier,
  PolicyOutcomeChip,
  readableTableSx,
  ToneChip,
  useDataProductRef,
  withheldNote,
} from '../common';

const OUTCOME_ORDER: Record<PolicyResult['outcome'], number> = {
  block: 0,
  warn: 1,
  info: 2,
  draft: 3,
  pass: 4,
};

/** Blocking results first, then warnings, information, drafts and passes; policy order within. */
export function orderResults(results: PolicyResult[]): PolicyResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        OUTCOME_ORDER[a.r.outcome] - OUTCOME_ORDER[b.r.outcome] || a.i - b.i,
    )
    .map(x => x.r);
}

function modeText(result: PolicyResult): string {
  if (result.mode === 'grace' && result.graceUntil) {
    return `grace until ${result.graceUntil.slice(0, 10)}`;
  }
  return result.mode;
}

/**
 * The verdict's table: every policy, its outcome, why, and since when. With `failingOnly`,
 * the policies that pass are folded into one line that shows them on demand.
 */
export function GovernanceReport(props: {
  report: GovernanceResponse;
  failingOnly?: boolean;
  onFailingOnlyChange?(failingOnly: boolean): void;
}) {
  const { report, failingOnly = false, onFailingOnlyChange } = props;
  const outcomes = (['block', 'warn', 'info', 'draft', 'pass'] as const).filter(
    o => report.summary[o] > 0,
  );
  const ordered = orderResults(report.results);
  const passing = ordered.filter(r => r.passed).length;
  const shown = failingOnly ? ordered.filter(r => !r.passed) : ordered;
  return (
    <InfoCard
      title="Governance"
      subheader={
        report.evaluatedAt
          ? `Evaluated ${relativeTime(report.evaluatedAt)} (${absoluteTime(
              report.evaluatedAt,
            )})`
          : 'Not evaluated yet'
      }
    >
      <Box display="flex" gap={1} alignItems="center" mb={2} flexWrap="wrap">
        <Typography variant="body2">Verdict:</Typography>
        <GovernanceChip verdict={report.health} />
        {outcomes.map(o => (
          <ToneChip key={o} label={`${report.summary[o]} ${o}`} />
        ))}
        {onFailingOnlyChange && report.results.length > 0 && (
          <FormControlLabel
            sx={{ ml: 'auto' }}
            control={
              <Switch
                size="small"
                checked={failingOnly}
                onChange={e => onFailingOnlyChange(e.target.checked)}
              />
            }
            label="Failing only"
          />
        )}
      </Box>
      {report.withheld ? (
        <Typography variant="body2" mb={2} role="status">
          {withheldNote(report.withheld)}.
        </Typography>
      ) : null}
      {report.blocked && (
        <WarningPanel
          severity="error"
          title="This product is blocked"
          defaultExpanded
          message="An enforced policy of severity error or critical fails. Fix what the blocking policies below say: until then the catalog shows the product as blocked, and the templates refuse to create or change it."
        />
      )}
      {report.issues.length > 0 && (
        <WarningPanel
          severity="warning"
          title="Some policies could not be evaluated"
          defaultExpanded
        >
          <ul style={{ margin: 0 }}>
            {report.issues.map((issue, i) => (
              <li key={i}>{formatIssue(issue)}</li>
            ))}
          </ul>
        </WarningPanel>
      )}
      {report.results.length === 0 ? (
        <Typography variant="body2">
          No policy applies to this product.
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Policy verdicts" sx={readableTableSx}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '30%' }}>Policy</TableCell>
                <TableCell>Verdict</TableCell>
                <TableCell sx={{ minWidth: 240 }}>Why</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>Severity</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>Mode</TableCell>
                <TableCell>Since</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(result => (
                <TableRow key={result.id} data-policy={result.id}>
                  <TableCell>
                    <Typography
                      variant="body2"
                      fontWeight={600}
                      sx={{ fontFamily: 'monospace' }}
                    >
                      <Identifier text={result.id} />
                    </Typography>
                    {result.description && (
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        display="block"
                      >
                        {result.description}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <PolicyOutcomeChip outcome={result.outcome} />
                    {result.status === 'error' && (
                      <Typography
                        variant="caption"
                        color="warning.main"
                        display="block"
                      >
                        could not evaluate
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ maxWidth: 480 }}>
                    {!(
                      result.passed && result.message === result.description
                    ) && (
                      <Typography variant="body2">{result.message}</Typography>
                    )}
                    {!result.passed && result.remediation && (
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        display="block"
                      >
                        To comply: {result.remediation}
                      </Typography>
                    )}
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      display="block"
                    >
                      from <Identifier text={result.source} />
                    </Typography>
                  </TableCell>
                  {/* one word each: never broken inside it */}
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {result.severity}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {modeText(result)}
                  </TableCell>
                  <TableCell
                    title={absoluteTime(result.since)}
                    sx={{ whiteSpace: 'nowrap' }}
                  >
                    {relativeTime(result.since) ?? '–'}
                  </TableCell>
                </TableRow>
              ))}
              {failingOnly && passing > 0 && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Button
                      size="small"
                      onClick={() => onFailingOnlyChange?.(false)}
                    >
                      Show the {passing} passing{' '}
                      {passing === 1 ? 'policy' : 'policies'}
                    </Button>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </Box>
      )}
    </InfoCard>
  );
}

/**
 * The Governance tab of a data product: which policies pass, warn or block, why, and since
 * when. When some fail, it opens on those, the passing ones folded away (`?policies=all`
 * shows every policy, so the view can be shared).
 */
export function GovernanceContent() {
  const product = useDataProductRef();
  const api = useApi(dataMeshApiRef);
  const state = useAsync(() => api.getGovernance(product), [api, product]);
  const [params, setParams] = useSearchParams();
  const anyFailing = !!state.value?.results.some(r => !r.passed);
  const choice = params.get('policies');
  const failingOnly = choice === 'failing' || (choice !== 'all' && anyFailing);
  const setFailingOnly = (only: boolean) => {
    const next = new URLSearchParams(params);
    next.set('policies', only ? 'failing' : 'all');
    setParams(next, { replace: true });
  };
  return (
    <AsyncContent
      state={state}
      errorTitle="Could not load the governance verdict"
    >
      {report =>
        report.results.length === 0 &&
        report.issues.length === 0 &&
        !report.evaluatedAt ? (
          <EmptyState
            missing="data"
            title="Not evaluated yet"
            description="The governance policies have not run on this product yet; the verdict appears once they have."
          />
        ) : (
          <>
            <GovernanceReport
              report={report}
              failingOnly={failingOnly}
              onFailingOnlyChange={setFailingOnly}
            />
            <BreakingChangeGates product={product} />
          </>
        )
      }
    </AsyncContent>
  );
}
