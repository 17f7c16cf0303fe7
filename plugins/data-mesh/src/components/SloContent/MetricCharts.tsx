import { formatQuantity } from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  SloHistoryPoint,
  SloView,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';

/** One metric's series: its name, last value and a small line of its values over time. */
function MetricChart(props: { metric: SloView; points: SloHistoryPoint[] }) {
  const { metric, points } = props;
  const theme = useTheme();
  const data = useMemo(
    () =>
      points
        .filter(p => typeof p.value === 'number')
        .map(p => ({ t: Date.parse(p.at), y: p.value as number })),
    [points],
  );
  const unit = metric.target.unit;
  return (
    <Box
      data-metric={metric.id}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 1,
        width: 220,
      }}
    >
      <Typography variant="body2" fontWeight={600} noWrap title={metric.name}>
        {metric.name}
      </Typography>
      <Typography variant="caption" color="text.secondary" display="block">
        {metric.lastValue === undefined
          ? 'not measured yet'
          : `now ${formatQuantity(metric.lastValue, unit)}`}
        {metric.alert?.text ? ` · alerts when ${metric.alert.text}` : ''}
      </Typography>
      {data.length > 0 && (
        <Box height={60} aria-label={`${metric.name} over 30 days`} role="img">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data}>
              <YAxis hide domain={['auto', 'auto']} />
              <Tooltip
                formatter={(v: number) => formatQuantity(v, unit)}
                labelFormatter={(t: number) =>
                  new Date(t).toISOString().slice(0, 16).replace('T', ' ')
                }
              />
              <Line
                type="monotone"
                dataKey="y"
                dot={false}
                isAnimationActive={false}
                stroke={
                  metric.status === 'fail'
                    ? theme.palette.error.main
                    : theme.palette.primary.main
                }
              />
            </LineChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Box>
  );
}

/**
 * The metrics the owners name (`observability.metrics`): each column's null rate and each
 * custom metric, as a small chart of its values over the window.
 */
export function MetricCharts(props: {
  metrics: SloView[];
  points: SloHistoryPoint[];
}) {
  const { metrics, points } = props;
  const bySlo = useMemo(() => {
    const map = new Map<string, SloHistoryPoint[]>();
    for (const p of points) {
      const list = map.get(p.sloId);
      if (list) list.push(p);
      else map.set(p.sloId, [p]);
    }
    return map;
  }, [points]);
  return (
    <Box display="flex" flexWrap="wrap" gap={1.5}>
      {metrics.map(metric => (
        <MetricChart
          key={metric.id}
          metric={metric}
          points={bySlo.get(metric.id) ?? []}
        />
      ))}
    </Box>
  );
}
