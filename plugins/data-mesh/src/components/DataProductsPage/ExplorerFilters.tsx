import type { SloHealth } from '@backstage-data-mesh/plugin-data-mesh-common';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useEffect, useState } from 'react';
import { shortRef } from '../../lib/entityRefs';
import { SLO_HEALTH_LABELS } from '../common';
import type { ExplorerQuery, ExplorerView } from './useExplorerQuery';

function Choice(props: {
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string | undefined): void;
}) {
  const { label, value, options, onChange } = props;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      sx={{ minWidth: 170 }}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value="">All</MenuItem>
      {options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The explorer's view (the user's team's products or all), search box and filters (domain,
 * owner, classification, SLO health), and whether demonstration products are listed.
 */
export function ExplorerFilters(props: {
  query: ExplorerQuery;
  view: ExplorerView;
  counts: { mine: number; all: number; demos: number };
  choices: { domains: string[]; owners: string[]; classifications: string[] };
  onChange(change: Partial<ExplorerQuery>): void;
}) {
  const { query, view, counts, choices, onChange } = props;
  const [text, setText] = useState(query.text ?? '');
  useEffect(() => setText(query.text ?? ''), [query.text]);
  const refs = (values: string[]) =>
    values.map(v => ({ value: v, label: shortRef(v) }));
  const filtered = !!(
    query.text ||
    query.domain ||
    query.owner ||
    query.classification ||
    query.health
  );
  return (
    <Box
      display="flex"
      gap={2}
      flexWrap="wrap"
      alignItems="center"
      mb={2}
      role="search"
    >
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view}
        onChange={(_, next: ExplorerView | null) =>
          next && onChange({ view: next })
        }
        aria-label="Products shown"
      >
        <ToggleButton value="mine" sx={{ textTransform: 'none' }}>
          My team ({counts.mine})
        </ToggleButton>
        <ToggleButton value="all" sx={{ textTransform: 'none' }}>
          All ({counts.all})
        </ToggleButton>
      </ToggleButtonGroup>
      <TextField
        size="small"
        value={text}
        onChange={e => {
          setText(e.target.value);
          onChange({ text: e.target.value || undefined });
        }}
        placeholder="Search names, descriptions, fields"
        inputProps={{ 'aria-label': 'Search data products' }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
        sx={{ minWidth: 300, flexGrow: 1 }}
      />
      <Choice
        label="Domain"
        value={query.domain}
        options={refs(choices.domains)}
        onChange={domain => onChange({ domain })}
      />
      <Choice
        label="Owner"
        value={query.owner}
        options={refs(choices.owners)}
        onChange={owner => onChange({ owner })}
      />
      <Choice
        label="Classification"
        value={query.classification}
        options={choices.classifications.map(c => ({ value: c, label: c }))}
        onChange={classification => onChange({ classification })}
      />
      <Choice
        label="SLO health"
        value={query.health}
        options={(Object.keys(SLO_HEALTH_LABELS) as SloHealth[]).map(h => ({
          value: h,
          label: SLO_HEALTH_LABELS[h],
        }))}
        onChange={health =>
          onChange({ health: health as SloHealth | undefined })
        }
      />
      {counts.demos > 0 && (
        <FormControlLabel
          control={
            <Checkbox
              size="small"
              checked={!!query.includeDemos}
              onChange={e =>
                onChange({ includeDemos: e.target.checked || undefined })
              }
            />
          }
          label={`Show demos (${counts.demos})`}
        />
      )}
      {filtered && (
        <Button
          size="small"
          onClick={() =>
            onChange({
              text: undefined,
              domain: undefined,
              owner: undefined,
              classification: undefined,
              health: undefined,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Box>
  );
}
