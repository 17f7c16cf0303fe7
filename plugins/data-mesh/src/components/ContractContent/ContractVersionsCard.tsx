import type {
  BreakingChangeGate,
  ContractChange,
  GateConsumer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ContractVersionView } from '@backstage-data-mesh/plugin-data-mesh-client';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshApiRef, type DataProductRef } from '../../api';
import { absoluteTime } from '../../lib/time';
import { AsyncContent, ToneChip } from '../common';
import { messageOf } from '../common/AccessPanel';

const SOURCES: Record<ContractVersionView['source'], string> = {
  seen: 'published',
  announced: 'announced',
  changelog: 'changelog only',
};

function BreakingChip({ version }: { version: ContractVersionView }) {
  if (version.breaking === undefined)
    return <ToneChip label="first known" tone="default" />;
  return version.breaking ? (
    <ToneChip label="breaking" tone="error" />
  ) : (
    <ToneChip label="not breaking" tone="success" />
  );
}

const GATE_TONES = {
  'not-breaking': 'success',
  waiting: 'warning',
  open: 'info',
} as const;

function ChangeList({ changes }: { changes: ContractChange[] }) {
  if (changes.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        No change to what the contract promises.
      </Typography>
    );
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {changes.map((c, i) => (
        <li key={`${c.path}:${i}`}>
          <Typography variant="body2" component="span">
            <strong>{c.severity}</strong> {c.message}{' '}
            <Typography
              component="span"
              variant="caption"
              fontFamily="monospace"
            >
              ({c.path})
            </Typography>
          </Typography>
        </li>
      ))}
    </ul>
  );
}

function answerOf(consumer: GateConsumer): string {
  const a = consumer.acknowledgement;
  if (!a) return 'not yet';
  if (a.decision === 'acknowledged')
    return `acknowledged by ${a.by} on ${absoluteTime(a.at)}`;
  return `asks for more time${
    a.until ? ` until ${absoluteTime(a.until)}` : ''
  } (${a.by})`;
}

/** The gate of a breaking version: every hit consumer, what breaks for it, and its answer. */
function GateTable(props: {
  product: DataProductRef;
  version: ContractVersionView;
  gate: BreakingChangeGate;
  onAnswered: () => void;
}) {
  const { product, version, gate, onAnswered } = props;
  const api = useApi(dataMeshApiRef);
  const [error, setError] = useState<string>();
  const answer = async (
    consumer: GateConsumer,
    decision: 'acknowledged' | 'more-time',
  ) => {
    setError(undefined);
    try {
      await api.acknowledgeVersion(product, version.id, {
        consumer: consumer.ref,
        decision,
        ...(decision === 'more-time'
          ? { until: new Date(Date.now() + 14 * 86_400_000).toISOString() }
          : {}),
      });
      onAnswered();
    } catch (e) {
      setError(messageOf(e as Error));
    }
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="subtitle2">Breaking-change gate</Typography>
        <ToneChip label={gate.state} tone={GATE_TONES[gate.state]} />
        <Typography variant="body2">{gate.reason}</Typography>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        Announced {absoluteTime(gate.announcedAt)}; the deprecation period ends{' '}
        {absoluteTime(gate.deprecationEndsAt)}.
      </Typography>
      {gate.consumers.length > 0 && (
        <Table
          size="small"
          aria-label={`Consumers hit by ${version.version ?? version.id}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>Consumer</TableCell>
              <TableCell>Reads through</TableCell>
              <TableCell>What breaks for it</TableCell>
              <TableCell>Answer</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {gate.consumers.map(c => (
              <TableRow key={c.ref}>
                <TableCell>
                  {c.ref}
                  <Typography variant="caption" display="block">
                    owners: {c.owners.join(', ') || '–'}
                  </Typography>
                </TableCell>
                <TableCell>{c.via.join(', ')}</TableCell>
                <TableCell>
                  <ChangeList changes={c.changes} />
                </TableCell>
                <TableCell>{answerOf(c)}</TableCell>
                <TableCell>
                  {c.acknowledgement?.decision !== 'acknowledged' && (
                    <Stack direction="row" spacing={1}>
                      <Button
                        size="small"
                        onClick={() => answer(c, 'acknowledged')}
                      >
                        Acknowledge
                      </Button>
                      <Button
                        size="small"
                        onClick={() => answer(c, 'more-time')}
                      >
                        Ask for more time
                      </Button>
                    </Stack>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** What changed from the previous version, from the diff of both contracts. */
function VersionDiff(props: {
  product: DataProductRef;
  version: ContractVersionView;
}) {
  const { product, version } = props;
  const api = useApi(dataMeshApiRef);
  const from = version.previousId;
  const diff = useAsync(
    async () =>
      from && version.comparable
        ? api.diffContractVersions(product, from, version.id)
        : undefined,
    [api, product, from, version.id, version.comparable],
  );
  if (!from || !version.comparable)
    return (
      <Typography variant="body2" color="text.secondary">
        {version.changelog?.length
          ? 'Only the changelog speaks of this version: '
          : 'The first version the portal knows.'}
        {version.changelog?.join(' ')}
      </Typography>
    );
  if (diff.loading) return <Progress />;
  if (diff.error)
    return <Alert severity="error">{messageOf(diff.error)}</Alert>;
  return (
    <Stack spacing={0.5}>
      <Typography variant="subtitle2">
        What changed since {version.previousVersion ?? from}
        {diff.value ? ` (needs a ${diff.value.diff.requiredBump} version)` : ''}
      </Typography>
      <ChangeList changes={diff.value?.diff.changes ?? []} />
    </Stack>
  );
}

/**
 * The Versions view of the Contract tab: every version of the contract the portal has seen,
 * announced or read in the changelog, newest first, whether each broke its consumers, and
 * for a breaking one the consumers it hits and who acknowledged. `?version=<id>` (where a
 * notification leads) opens that version.
 */
export function ContractVersionsCard({ product }: { product: DataProductRef }) {
  const api = useApi(dataMeshApiRef);
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | undefined>(
    params.get('version') ?? undefined,
  );
  const versions = useAsyncRetry(
    () => api.getContractVersions(product),
    [api, product],
  );
  return (
    <InfoCard title="Versions">
      <AsyncContent state={versions} errorTitle="Could not load the versions">
        {value =>
          value.items.length === 0 ? (
            <Typography variant="body2">No version is known yet.</Typography>
          ) : (
            <Table size="small" aria-label="Contract versions">
              <TableHead>
                <TableRow>
                  <TableCell>Version</TableCell>
                  <TableCell>Known as</TableCell>
                  <TableCell>Since</TableCell>
                  <TableCell>Change</TableCell>
                  <TableCell>Consumers</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {value.items.map(v => {
                  const expanded = open === v.id || open === v.version;
                  return [
                    <TableRow
                      key={v.id}
                      data-testid={`version-${v.version ?? v.id}`}
                    >
                      <TableCell>
                        <strong>{v.version ?? '–'}</strong>
                        {v.current && (
                          <Typography component="span" variant="caption" ml={1}>
                            current
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell>{SOURCES[v.source]}</TableCell>
                      <TableCell>
                        {absoluteTime(
                          v.publishedAt ?? v.announcedAt ?? v.firstSeenAt,
                        )}
                      </TableCell>
                      <TableCell>
                        <BreakingChip version={v} />
                        {v.counts && (
                          <Typography variant="caption" display="block">
                            {v.counts.breaking} breaking, {v.counts.warning} to
                            look at, {v.counts.info} other
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell>
                        {v.gate && v.gate.consumers.length > 0
                          ? `${v.gate.consumers.length} hit, ${
                              v.gate.consumers.length - v.gate.pending
                            } acknowledged`
                          : '–'}
                      </TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          aria-expanded={expanded}
                          onClick={() => setOpen(expanded ? undefined : v.id)}
                        >
                          {expanded ? 'Hide' : 'What changed'}
                        </Button>
                      </TableCell>
                    </TableRow>,
                    expanded ? (
                      <TableRow key={`${v.id}:detail`}>
                        <TableCell colSpan={6}>
                          <Box py={1}>
                            <Stack spacing={2}>
                              <VersionDiff product={product} version={v} />
                              {v.changelog && v.changelog.length > 0 && (
                                <Typography variant="body2">
                                  Changelog: {v.changelog.join(' ')}
                                </Typography>
                              )}
                              {v.gate && (
                                <GateTable
                                  product={product}
                                  version={v}
                                  gate={v.gate}
                                  onAnswered={versions.retry}
                                />
                              )}
                            </Stack>
                          </Box>
                        </TableCell>
                      </TableRow>
                    ) : null,
                  ];
                })}
              </TableBody>
            </Table>
          )
        }
      </AsyncContent>
    </InfoCard>
  );
}
