import {
  dataStaleness,
  formatQuantity,
  type LineageNode,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { SloView } from '@backstage-data-mesh/plugin-data-mesh-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { absoluteTime, relativeTime } from '../../lib/time';
import {
  readableTableSx,
  SLO_HEALTH_LABELS,
  SloHealthChip,
  SloStatusChip,
} from '../common';

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
    <TableCell sx={{ minWidth: 120 }}>
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

/** Where the SLO's observations come from, when it is measured at all. */
function sourceText(slo: SloView): string | undefined {
  if (slo.notMeasuredBecause) return undefined;
  if (slo.source === 'push') return 'pushed by pipelines';
  return slo.source ? 'measured by the portal' : undefined;
}

function lastValue(slo: SloView): string {
  if (slo.lastValue === undefined) return '–';
  return formatQuantity(slo.lastValue, slo.target.unit);
}

/** `2026-12-04 00:00 UTC (2 days ago)`. */
function when(iso: string): string {
  return `${absoluteTime(iso)} (${relativeTime(iso)})`;
}

const Detail = ({ children }: { children: ReactNode }) => (
  <Typography variant="caption" color="text.secondary" display="block">
    {children}
  </Typography>
);

/** A product upstream, linked, with its SLO health when the user may see it. */
function UpstreamNode({ node }: { node: LineageNode }) {
  if (node.hidden) return <>a product not shown to you</>;
  if (node.external) return <>{node.title ?? node.entityRef} (external)</>;
  return (
    <>
      <EntityRefLink entityRef={node.entityRef} title={node.title} /> (
      {SLO_HEALTH_LABELS[node.sloHealth].toLowerCase()})
    </>
  );
}

/**
 * What a failing row says beyond the error: since when the data is stale and when it last
 * loaded (for the age SLOs), and how the products upstream are doing.
 */
function FailureContext(props: { slo: SloView; upstream?: LineageNode[] }) {
  const { slo, upstream } = props;
  const staleness = dataStaleness(slo, slo.lastValue, slo.lastObservedAt);
  return (
    <Box mt={0.5}>
      {staleness?.staleSince && (
        <Detail>Data stale since {when(staleness.staleSince)}</Detail>
      )}
      {staleness && (
        <Detail>Last loaded {when(staleness.lastUpdatedAt)}</Detail>
      )}
      {upstream && (
        <Detail>
          Upstream:{' '}
          {upstream.length === 0
            ? 'no product feeds this one'
            : upstream.map((node, i) => (
                <span key={node.entityRef}>
                  {i > 0 && ', '}
                  <UpstreamNode node={node} />
                </span>
              ))}
        </Detail>
      )}
    </Box>
  );
}

/**
 * Each SLO with its target, current status (and since when, or why it is not measured),
 * the last measured value, attainment and error budget over 7 and 30 days, and for a
 * failing SLO the last error, since when the data is stale, when it last loaded and how the
 * products upstream are doing. The SLO named by `focus` is highlighted and scrolled to.
 */
export function SloTable(props: {
  slos30: SloView[];
  slos7: Map<string, SloView>;
  /** The products directly upstream, once known. */
  upstream?: LineageNode[];
  /** The id of the SLO to show first (a notification links to it). */
  focus?: string;
}) {
  const { slos30, slos7, upstream, focus } = props;
  const focused = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    focused.current?.scrollIntoView?.({ block: 'center' });
  }, [focus]);
  // A reason all unknown SLOs share is said once, above the table (SloContent).
  const reasons = new Set(
    slos30.filter(s => s.status === 'unknown').map(s => s.notMeasuredBecause),
  );
  const sharedReason = reasons.size === 1 && !reasons.has(undefined);
  return (
    <Table
      size="small"
      aria-label="Service level objectives"
      sx={{
        ...readableTableSx,
        '& th, & td': { ...readableTableSx['& th, & td'], px: 1 },
        '& th:first-of-type, & td:first-of-type': { pl: 2 },
        '& tr.failure-detail td': {
          pt: 0,
          borderBottom: 1,
          borderColor: 'divider',
        },
      }}
    >
      <TableHead>
        <TableRow>
          <TableCell>SLO and target</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Last value</TableCell>
          <TableCell>7 days</TableCell>
          <TableCell>30 days</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slos30.map(slo => {
          const failing = slo.status === 'fail' || !!slo.lastError;
          const rowProps = {
            'data-slo': slo.id,
            selected: slo.id === focus,
            'aria-current': slo.id === focus ? ('true' as const) : undefined,
          };
          return (
            <Fragment key={slo.id}>
              <TableRow
                {...rowProps}
                ref={slo.id === focus ? focused : undefined}
                sx={failing ? { '& td': { borderBottom: 0 } } : undefined}
              >
                <TableCell>
                  <Typography variant="body2" fontWeight={600}>
                    {slo.name}
                  </Typography>
                  <Typography variant="body2">{slo.target.text}</Typography>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    display="block"
                  >
                    {[
                      slo.kind,
                      sourceText(slo),
                      `objective ${percent(slo.target.objective)}`,
                      slo.alert &&
                        `${slo.alert.severity} alert${
                          slo.alert.text ? ` when ${slo.alert.text}` : ''
                        }`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
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
                  {slo.status === 'unknown' && slo.notMeasuredBecause && (
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      display="block"
                      sx={{ maxWidth: 220 }}
                    >
                      {sharedReason
                        ? 'Not measured: see why above'
                        : `Not measured: ${slo.notMeasuredBecause}`}
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
              </TableRow>
              {failing && (
                <TableRow
                  className="failure-detail"
                  selected={slo.id === focus}
                >
                  <TableCell colSpan={5}>
                    {slo.lastError && (
                      <Typography variant="body2" color="error">
                        Last error: {slo.lastError}
                      </Typography>
                    )}
                    {slo.status === 'fail' && (
                      <FailureContext slo={slo} upstream={upstream} />
                    )}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
