import { formatQuantity } from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  SloHistoryPoint,
  SloView,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

interface ChartPoint {
  t: number;
  y: number;
  status: string;
}

const dateTick = (t: number) => new Date(t).toISOString().slice(5, 10);
const passFailTick = (v: number) =>
  (({ 1: 'pass', 0: 'fail' } as Record<number, string>)[v] ?? '');

/**
 * The observations of one SLO over the window, one dot per check coloured by its status,
 * with the target as a line (none for a volume SLO, whose target bounds the change of its
 * row count). SLOs that record no value plot pass as 1 and fail as 0.
 */
export function SloHistoryChart(props: {
  slos: SloView[];
  points: SloHistoryPoint[];
}) {
  const { slos, points } = props;
  const theme = useTheme();
  const withPoints = useMemo(() => new Set(points.map(p => p.sloId)), [points]);
  const [selected, setSelected] = useState(
    () => slos.find(s => withPoints.has(s.id))?.id ?? slos[0]?.id ?? '',
  );
  const slo = slos.find(s => s.id === selected);
  const series = useMemo(() => {
    const own = points.filter(p => p.sloId === selected);
    const numeric = own.some(p => typeof p.value === 'number');
    const byStatus: Record<string, ChartPoint[]> = {
      pass: [],
      fail: [],
      error: [],
    };
    for (const p of own) {
      const t = Date.parse(p.at);
      if (Number.isNaN(t)) continue;
      const passed = p.status === 'pass' ? 1 : 0;
      const y = numeric ? p.value : passed;
      if (typeof y !== 'number') continue;
      (byStatus[p.status] ?? (byStatus[p.status] = [])).push({
        t,
        y,
        status: p.status,
      });
    }
    return { numeric, byStatus, count: own.length };
  }, [points, selected]);
  // A volume SLO's target bounds the change of its count, not the count: no line.
  const target =
    slo &&
    typeof slo.target.value === 'number' &&
    slo.target.bounds !== 'change'
      ? slo.target.value
      : undefined;
  const formatValue = (value: number) =>
    series.numeric
      ? formatQuantity(value, slo?.target.unit)
      : passFailTick(value);
  const colors: Record<string, string> = {
    pass: theme.palette.success.main,
    fail: theme.palette.error.main,
    error: theme.palette.warning.main,
  };

  return (
    <Box>
      <TextField
        select
        size="small"
        label="SLO"
        value={selected}
        onChange={e => setSelected(e.target.value)}
        sx={{ minWidth: 320, mb: 2 }}
      >
        {slos.map(s => (
          <MenuItem key={s.id} value={s.id}>
            {s.name}
          </MenuItem>
        ))}
      </TextField>
      {series.count === 0 ? (
        <Typography variant="body2" color="text.secondary" role="status">
          No observations of this SLO in the last 30 days yet.
        </Typography>
      ) : (
        <Box
          height={280}
          role="img"
          aria-label={`History of ${slo?.name ?? selected}: ${
            series.count
          } observations`}
        >
          <ResponsiveContainer
            width="100%"
            height="100%"
            initialDimension={{ width: 800, height: 280 }}
          >
            <ScatterChart margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid stroke={theme.palette.divider} />
              <XAxis
                dataKey="t"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={dateTick}
                stroke={theme.palette.text.secondary}
                name="time"
              />
              <YAxis
                dataKey="y"
                type="number"
                stroke={theme.palette.text.secondary}
                name={series.numeric ? slo?.target.unit ?? 'value' : 'passed'}
                tickFormatter={series.numeric ? undefined : passFailTick}
                ticks={series.numeric ? undefined : [0, 1]}
              />
              <Tooltip
                labelFormatter={() => ''}
                formatter={(value: number, name: string) =>
                  name === 'time'
                    ? new Date(value)
                        .toISOString()
                        .replace('T', ' ')
                        .slice(0, 16)
                    : formatValue(value)
                }
                contentStyle={{
                  background: theme.palette.background.paper,
                  color: theme.palette.text.primary,
                }}
              />
              <Legend />
              {series.numeric && target !== undefined && (
                <ReferenceLine
                  y={target}
                  stroke={theme.palette.text.primary}
                  strokeDasharray="4 4"
                  label="target"
                />
              )}
              {Object.entries(series.byStatus).map(([status, data]) =>
                data.length ? (
                  <Scatter
                    key={status}
                    name={status}
                    data={data}
                    fill={colors[status] ?? theme.palette.grey[500]}
                    isAnimationActive={false}
                  />
                ) : null,
              )}
            </ScatterChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Box>
  );
}
