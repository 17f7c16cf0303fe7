import type { ContractVersionView } from '@backstage-data-mesh/plugin-data-mesh-client';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef, type DataProductRef } from '../../api';
import { absoluteTime } from '../../lib/time';
import { ToneChip } from '../common';

/** Announced versions that break consumers: not published yet, held at their gate or through it. */
export function comingBreakingVersions(
  items: readonly ContractVersionView[],
): ContractVersionView[] {
  return items.filter(
    v =>
      !v.current &&
      v.source === 'announced' &&
      !v.publishedAt &&
      v.gate &&
      v.gate.state !== 'not-breaking',
  );
}

/**
 * The breaking-change gate of each coming version of the product's contract: whether it
 * waits for the consumers it hits or may be published, why, and a link to its Versions view.
 * Nothing when no coming version breaks anyone (or the versions cannot be read).
 */
export function BreakingChangeGates({ product }: { product: DataProductRef }) {
  const api = useApi(dataMeshApiRef);
  const { entity } = useEntity();
  const base = useEntityRefLink()(entity);
  const versions = useAsync(
    () => api.getContractVersions(product),
    [api, product],
  );
  const coming = comingBreakingVersions(versions.value?.items ?? []);
  if (coming.length === 0) return null;
  return (
    <Box mt={3}>
      <InfoCard title="Breaking-change gate">
        <Stack spacing={2} role="list" aria-label="Breaking-change gates">
          {coming.map(v => (
            <Stack key={v.id} spacing={0.5} role="listitem">
              <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="subtitle2">
                  Version {v.version ?? v.id}
                </Typography>
                <ToneChip
                  label={
                    v.gate!.state === 'waiting' ? 'waiting' : 'may be published'
                  }
                  tone={v.gate!.state === 'waiting' ? 'warning' : 'success'}
                />
              </Stack>
              <Typography variant="body2">{v.gate!.reason}</Typography>
              <Typography variant="caption" color="text.secondary">
                Announced {absoluteTime(v.gate!.announcedAt)}; the deprecation
                period ends {absoluteTime(v.gate!.deprecationEndsAt)}.{' '}
                <Link
                  to={`${base}/contract?version=${encodeURIComponent(v.id)}`}
                >
                  Who it hits and who acknowledged
                </Link>
              </Typography>
            </Stack>
          ))}
        </Stack>
      </InfoCard>
    </Box>
  );
}
