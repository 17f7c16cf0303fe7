import type { LineageDirection } from '@backstage-data-mesh/plugin-data-mesh-common';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';

/** The depths a lineage view offers. */
export const LINEAGE_DEPTHS = [1, 2, 3, 4, 5, 6, 8, 10];

/** What the lineage view shows. */
export interface LineageOptions {
  depth: number;
  direction: LineageDirection;
  columns: boolean;
}

/** Direction, depth and column lineage controls of the lineage view. */
export function LineageControls(props: {
  options: LineageOptions;
  onChange(options: LineageOptions): void;
}) {
  const { options, onChange } = props;
  return (
    <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
      <ToggleButtonGroup
        size="small"
        exclusive
        value={options.direction}
        onChange={(_, direction) =>
          direction && onChange({ ...options, direction })
        }
        aria-label="Direction"
      >
        <ToggleButton value="up">Upstream</ToggleButton>
        <ToggleButton value="both">Both</ToggleButton>
        <ToggleButton value="down">Downstream</ToggleButton>
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        label="Depth"
        value={options.depth}
        onChange={e => onChange({ ...options, depth: Number(e.target.value) })}
        sx={{ width: 120 }}
      >
        {LINEAGE_DEPTHS.map(d => (
          <MenuItem key={d} value={d}>
            {d} hop{d === 1 ? '' : 's'}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            checked={options.columns}
            onChange={e => onChange({ ...options, columns: e.target.checked })}
          />
        }
        label="Column lineage"
      />
    </Box>
  );
}
