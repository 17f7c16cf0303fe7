import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { EmptyState, InfoCard } from '@backstage/core-components';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { schemaRows, searchSchemaRows } from '../../lib/schemaRows';
import { LONG_TABLE_ROWS } from '../common';
import { SchemaTable } from './SchemaTable';

/**
 * The contract's schema: one table per object (table, topic, file) and a search box that
 * narrows every table to the fields whose name, description, type, classification or tags
 * match.
 */
export const SchemaSection = memo(function Schema({
  contract,
}: {
  contract: OdcsContract;
}) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const objects = useMemo(
    () =>
      (contract.schema ?? []).map(object => ({
        object,
        rows: schemaRows(object),
      })),
    [contract.schema],
  );
  const total = objects.reduce((n, o) => n + o.rows.length, 0);
  const filtered = useMemo(
    () =>
      objects.map(o => ({
        ...o,
        rows: searchSchemaRows(o.rows, deferredQuery),
      })),
    [objects, deferredQuery],
  );
  const shown = filtered.reduce((n, o) => n + o.rows.length, 0);

  if (objects.length === 0) {
    return (
      <InfoCard title="Schema">
        <EmptyState
          missing="field"
          title="This contract declares no schema"
          description="Add a schema section to the contract to describe the product's tables and fields."
        />
      </InfoCard>
    );
  }

  return (
    <InfoCard
      title="Schema"
      subheader={`${objects.length} object${
        objects.length === 1 ? '' : 's'
      }, ${total} field${total === 1 ? '' : 's'}`}
    >
      <Box display="flex" alignItems="center" gap={2} mb={2}>
        <TextField
          size="small"
          value={query}
          onChange={e => setQuery(e.target.value)}
          placeholder="Search fields"
          inputProps={{ 'aria-label': 'Search fields' }}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
          sx={{ minWidth: 320 }}
        />
        {deferredQuery && (
          <Typography variant="body2" color="text.secondary" role="status">
            {shown} of {total} fields match
          </Typography>
        )}
      </Box>
      {filtered.map(({ object, rows }) =>
        deferredQuery && rows.length === 0 ? null : (
          <Box
            key={object.name}
            mb={3}
            component="section"
            aria-label={object.name}
          >
            <Typography variant="h6" component="h3">
              <span style={{ fontFamily: 'monospace' }}>{object.name}</span>
              {object.businessName && ` · ${object.businessName}`}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {[
                object.physicalType,
                object.physicalName && `physical name ${object.physicalName}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
            {object.description && (
              <Typography variant="body2">{object.description}</Typography>
            )}
            {object.dataGranularityDescription && (
              <Typography variant="body2" color="text.secondary">
                Granularity: {object.dataGranularityDescription}
              </Typography>
            )}
            <Box mt={1}>
              <SchemaTable
                rows={rows}
                label={`Fields of ${object.name}`}
                long={total > LONG_TABLE_ROWS}
              />
            </Box>
          </Box>
        ),
      )}
      {deferredQuery && shown === 0 && (
        <Typography variant="body2" role="status">
          No field matches “{deferredQuery}”.
        </Typography>
      )}
    </InfoCard>
  );
});
