import type {
  DriftFinding,
  OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { SchemaDriftResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import Alert from '@mui/material/Alert';
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

/** What the last drift check found, above the schema. */
function DriftSummary({ findings }: { findings: DriftFinding[] }) {
  const breaking = findings.filter(f => f.severity === 'breaking').length;
  return (
    <Alert severity={breaking > 0 ? 'error' : 'warning'} sx={{ mb: 2 }}>
      {breaking > 0
        ? `Schema drift: the data breaks the contract in ${breaking} place${
            breaking === 1 ? '' : 's'
          }`
        : 'Schema drift: the data has columns the contract does not describe'}
      {findings.length > breaking &&
        breaking > 0 &&
        `, and has ${findings.length - breaking} column${
          findings.length - breaking === 1 ? '' : 's'
        } the contract does not describe`}
      . The fields are marked below; the SLOs tab has the history.
    </Alert>
  );
}

/** The columns the data has and the contract does not know, under their object. */
function UnknownColumns({ findings }: { findings: DriftFinding[] }) {
  const unknown = findings.filter(f => f.kind === 'unknown');
  if (unknown.length === 0) return null;
  return (
    <Typography variant="body2" color="warning.dark" mt={1} role="note">
      In the data but not in the contract:{' '}
      {unknown.map((f, i) => (
        <span key={f.field}>
          {i > 0 && ', '}
          <code>{f.field}</code>
          {f.actual && ` (${f.actual})`}
        </span>
      ))}
    </Typography>
  );
}

/**
 * The contract's schema: one table per object (table, topic, file) and a search box that
 * narrows every table to the fields whose name, description, type, classification or tags
 * match.
 */
export const SchemaSection = memo(function Schema({
  contract,
  drift,
}: {
  contract: OdcsContract;
  /** The last schema drift check, for readers: drifted fields are marked. */
  drift?: SchemaDriftResponse;
}) {
  const findings = drift?.findings ?? [];
  const findingsOf = (object: string) =>
    findings.filter(f => f.object === object);
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
      {findings.length > 0 && <DriftSummary findings={findings} />}
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
                drift={findingsOf(object.name)}
              />
            </Box>
            <UnknownColumns findings={findingsOf(object.name)} />
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
