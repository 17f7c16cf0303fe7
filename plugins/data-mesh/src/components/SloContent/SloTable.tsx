import {
  type SloView,
  formatQuantity,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { absoluteTime, relativeTime } from '../../lib/time';
import { SloHealthChip, SloStatusChip } from '../common';

/** `99.2 %`, with one decimal below 100. */
export function percent(share: number): string {
  const value = Math.max(0, Math.min(1, share)) * 100;
  return `${value === 100 ? '100' : value.toFixed(1)} %`;
}

function budgetColor(remaining: number): 'success' | 'warning' | 'error' {
  if (remaining > 0.25) return 'success';
  return remaining > 0 ? 'warning' : 'error';
}

function WindowCell({ slo, label }: { slo?: SloView; label: string }) {
  if (!slo) return <TableCell>–</TableCell>;
  if (slo.observations === 0) {
    return (
      <TableCell>
        <Typography variant="body2" color="text.secondary">
          No observations
        </Typography>
      </TableCell>
    );
  }
  const budget = slo.errorBudget;
  return (
    <TableCell sx={{ minWidth: 160 }}>
      <Typography variant="body2" aria-label={`Attainment over ${label}`}>
        {percent(slo.attainment)} <small>of {slo.observations}</small>
      </Typography>
      <Tooltip
        title={`${budget.consumed} failing of ${budget.allowed.toFixed(
          1,
        )} allowed; burn rate ${budget.burnRate.toFixed(2)}×`}
      >
        <Box>
          <LinearProgress
            variant="determinate"
            value={budget.remaining * 100}
            color={budgetColor(budget.remaining)}
            aria-label={`Error budget left over ${label}`}
          />
          <Typography variant="caption" color="text.secondary">
            budget {percent(budget.remaining)} left · burn{' '}
            {budget.burnRate.toFixed(1)}×
          </Typography>
        </Box>
      </Tooltip>
    </TableCell>
  );
}

function lastValue(slo: SloView): string {
  if (slo.lastValue === undefined) return '–';
  return formatQuantity(slo.lastValue, slo.target.unit);
}

/**
 * Each SLO with its target, current status (and since when), the last measured value,
 * attainment and error budget over 7 and 30 days, and the last check's error.
 */
export function SloTable(props: {
  slos30: SloView[];
  slos7: Map<string, SloView>;
}) {
  const { slos30, slos7 } = props;
  return (
    <Table size="small" aria-label="Service level objectives">
      <TableHead>
        <TableRow>
          <TableCell>SLO</TableCell>
          <TableCell>Target</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Last value</TableCell>
          <TableCell>7 days</TableCell>
          <TableCell>30 days</TableCell>
          <TableCell>Last error</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slos30.map(slo => (
          <TableRow key={slo.id}>
            <TableCell>
              <Typography variant="body2" fontWeight={600}>
                {slo.name}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {slo.kind}
                {slo.source
                  ? ` · ${
                      slo.source === 'push'
                        ? 'pushed by pipelines'
                        : 'measured by the portal'
                    }`
                  : ''}
              </Typography>
            </TableCell>
            <TableCell>
              {slo.target.text}
              <Typography
                variant="caption"
                color="text.secondary"
                display="block"
              >
                objective {percent(slo.target.objective)}
              </Typography>
            </TableCell>
            <TableCell>
              <SloStatusChip status={slo.status} />
              {slo.condition === 'at-risk' && (
                <Box component="span" ml={0.5}>
                  <SloHealthChip health="at-risk" />
                </Box>
              )}
              {slo.condition === 'at-risk' && slo.conditionReason && (
                <Typography
                  variant="caption"
                  color="warning.dark"
                  display="block"
                >
                  {slo.conditionReason}
                </Typography>
              )}
              {slo.since && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                  title={absoluteTime(slo.since)}
                >
                  since {relativeTime(slo.since)}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {lastValue(slo)}
              {slo.lastObservedAt && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                  title={absoluteTime(slo.lastObservedAt)}
                >
                  {relativeTime(slo.lastObservedAt)}
                </Typography>
              )}
            </TableCell>
            <WindowCell slo={slos7.get(slo.id)} label="7 days" />
            <WindowCell slo={slo} label="30 days" />
            <TableCell sx={{ maxWidth: 320 }}>
              {slo.lastError && (
                <Typography
                  variant="body2"
                  color="error"
                  sx={{ wordBreak: 'break-word' }}
                >
                  {slo.lastError}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
