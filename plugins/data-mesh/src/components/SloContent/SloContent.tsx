import type { ProductHealthView } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProductDetails } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { SloResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef } from '../../api';
import { absoluteTime, relativeTime } from '../../lib/time';
import { AsyncContent, SloHealthChip, useDataProductRef } from '../common';
import { SloHistoryChart } from './SloHistoryChart';
import { MetricCharts } from './MetricCharts';
import { PortRollupTable } from './PortRollupTable';
import { SloTable } from './SloTable';

/** Why no SLO has a measurement yet, as a panel that says what to do; nothing when some have. */
function NoObservations(props: {
  slos: SloResponse;
  details?: DataProductDetails;
}) {
  const { slos, details } = props;
  if (slos.slos.some(s => s.observations > 0 || s.lastObservedAt)) return null;
  if (details && details.servers.length === 0) {
    return (
      <WarningPanel
        severity="info"
        title="No server configured"
        defaultExpanded
        message={
          <>
            The contract names no server, so the portal cannot measure these
            SLOs itself. Add a server to the contract, or have the product's
            pipeline push its results to{' '}
            <code>POST /api/data-mesh/results</code>.
          </>
        }
      />
    );
  }
  const measured = details?.servers.filter(s => s.evaluated) ?? [];
  const reasons = (details?.servers ?? [])
    .map(s => s.notEvaluatedBecause)
    .filter(Boolean);
  if (details && measured.length === 0 && reasons.length > 0) {
    return (
      <WarningPanel
        severity="info"
        title="The portal does not measure this product"
        defaultExpanded
        message={
          <>
            {reasons.join('; ')}. The SLOs stay unknown until the product's
            pipeline pushes its results to{' '}
            <code>POST /api/data-mesh/results</code>.
          </>
        }
      />
    );
  }
  return (
    <WarningPanel
      severity="info"
      title="No observations yet"
      defaultExpanded
      message={
        measured.length > 0
          ? `The portal measures these SLOs on ${measured
              .map(s => s.server)
              .join(
                ', ',
              )}; the first results appear after the next scheduled check.`
          : "Nothing has been measured yet: the portal has no connection to the contract's servers, and no pipeline has pushed results."
      }
    />
  );
}

/** Why the SLOs without a status are not measured, when they share one reason. */
function NotMeasured({ slos }: { slos: SloResponse }) {
  const unknown = slos.slos.filter(s => s.status === 'unknown');
  const reasons = new Set(unknown.map(s => s.notMeasuredBecause));
  const [reason] = [...reasons];
  if (unknown.length === 0 || reasons.size !== 1 || !reason) return null;
  return (
    <WarningPanel
      severity="info"
      title={`Why ${
        unknown.length === slos.slos.length ? 'every SLO is' : 'some SLOs are'
      } unknown`}
      defaultExpanded
      message={`${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`}
    />
  );
}

/**
 * The product's SLO health, the same the explorer and the card show, and why in words.
 */
function HealthSummary({ health }: { health?: ProductHealthView }) {
  if (!health) return null;
  return (
    <Box display="flex" gap={1} alignItems="baseline" flexWrap="wrap" mb={2}>
      <Typography variant="body2" component="span">
        SLO health
      </Typography>
      <SloHealthChip health={health.health} />
      {health.reasons.length > 0 && (
        <Typography
          variant="body2"
          color="text.secondary"
          component="span"
          aria-label="Why"
        >
          {health.reasons.join('; ')}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The SLOs tab of a data product: every SLO's target and status, attainment and error
 * budget over 7 and 30 days, the history of its checks, and the last errors.
 */
export function SloContent() {
  const product = useDataProductRef();
  const api = useApi(dataMeshApiRef);
  const slos30 = useAsync(() => api.getSlos(product, '30d'), [api, product]);
  const slos7 = useAsync(() => api.getSlos(product, '7d'), [api, product]);
  const history = useAsync(
    () => api.getSloHistory(product, '30d'),
    [api, product],
  );
  const details = useAsync(() => api.getProduct(product), [api, product]);
  const failing = !!slos30.value?.slos.some(s => s.status === 'fail');
  // How the products this one reads from are doing, to tell a failure's cause.
  const upstream = useAsync(async () => {
    if (!failing) return undefined;
    const lineage = await api.getLineage({
      entityRef: product.entityRef,
      depth: 1,
      direction: 'up',
    });
    const direct = new Set(
      lineage.edges.filter(e => e.to === lineage.root).map(e => e.from),
    );
    return lineage.nodes.filter(n => direct.has(n.entityRef));
  }, [api, product.entityRef, failing]);
  const [params] = useSearchParams();
  const focus = params.get('slo') ?? undefined;
  const byId7 = useMemo(
    () => new Map((slos7.value?.slos ?? []).map(s => [s.id, s])),
    [slos7.value],
  );

  return (
    <AsyncContent state={slos30} errorTitle="Could not load the SLOs">
      {value =>
        value.slos.length === 0 ? (
          <EmptyState
            missing="data"
            title="No SLOs"
            description="The contract declares no service levels (slaProperties) and no quality rules, so there is nothing to measure. Add them to the contract to track this product."
          />
        ) : (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <NotMeasured slos={value} />
              <NoObservations slos={value} details={details.value} />
              {slos7.error && (
                <ResponseErrorPanel
                  title="Could not load the 7-day figures"
                  error={slos7.error}
                />
              )}
            </Grid>
            <Grid item xs={12}>
              <InfoCard
                title="Service level objectives"
                subheader={
                  value.evaluatedAt
                    ? `Last evaluated ${relativeTime(
                        value.evaluatedAt,
                      )} (${absoluteTime(value.evaluatedAt)})`
                    : 'Not evaluated yet'
                }
              >
                <HealthSummary health={value.health} />
                <SloTable
                  slos30={value.slos.filter(s => s.kind !== 'metric')}
                  slos7={byId7}
                  upstream={upstream.value}
                  focus={focus}
                />
              </InfoCard>
            </Grid>
            {value.ports && (
              <Grid item xs={12}>
                <InfoCard
                  title="Output ports"
                  subheader="Each port's SLOs at their latest check on it: the portal's on the server it measures, a pipeline's push on the port it names"
                >
                  <PortRollupTable rollup={value.ports} slos={value.slos} />
                </InfoCard>
              </Grid>
            )}
            {value.slos.some(s => s.kind === 'metric') && (
              <Grid item xs={12}>
                <InfoCard
                  title="Metrics (30 days)"
                  subheader="What the owners asked to keep: each column's null rate and their own metrics"
                >
                  <AsyncContent
                    state={history}
                    errorTitle="Could not load the metrics' history"
                  >
                    {h => (
                      <MetricCharts
                        metrics={value.slos.filter(s => s.kind === 'metric')}
                        points={h.points}
                      />
                    )}
                  </AsyncContent>
                </InfoCard>
              </Grid>
            )}
            <Grid item xs={12}>
              <InfoCard title="History (30 days)">
                <AsyncContent
                  state={history}
                  errorTitle="Could not load the SLO history"
                >
                  {h =>
                    h.points.length === 0 ? (
                      <Typography variant="body2" role="status">
                        No observations yet: the history fills in as SLOs are
                        measured.
                      </Typography>
                    ) : (
                      <SloHistoryChart
                        slos={value.slos.filter(s => s.kind !== 'metric')}
                        points={h.points}
                      />
                    )
                  }
                </AsyncContent>
              </InfoCard>
            </Grid>
          </Grid>
        )
      }
    </AsyncContent>
  );
}
