import { readDataProductSpec } from '@backstage-data-mesh/plugin-data-mesh-common';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshApiRef, type DataProductRef } from '../../api';
import { YourAccess } from '../AccessContent/AccessContent';
import { freshnessState } from '../../lib/productQuery';
import { absoluteTime, relativeTime } from '../../lib/time';
import { GovernanceChip, SloHealthChip, useDataProductRef } from '../common';
import { statusOf } from '../common/AccessPanel';
import { ProductContacts } from '../ProductContacts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} md={4}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children ?? '–'}
      </Typography>
    </Grid>
  );
}

/** The tabs of a data product, by path below the entity page. */
export const DATA_PRODUCT_TABS = [
  { path: 'contract', title: 'Contract' },
  { path: 'slos', title: 'SLOs' },
  { path: 'lineage', title: 'Lineage' },
  { path: 'governance', title: 'Governance' },
  { path: 'access', title: 'Access' },
] as const;

/** "Request access", or the request already sent, for a product the user may not read. */
function RequestAccess({ product }: { product: DataProductRef }) {
  const api = useApi(dataMeshApiRef);
  const access = useAsyncRetry(
    () => api.getProductAccess(product),
    [api, product],
  );
  if (!access.value) return null;
  return (
    <Box mt={2}>
      <YourAccess access={access.value} onChange={access.retry} />
    </Box>
  );
}

/**
 * The data product at a glance, for the entity's overview tab: owner, domain, kind,
 * contract version, classification, SLO health, freshness and governance verdict, whom to
 * ask (the contract's team and support channels), and links to the product's tabs. What
 * the catalog knows shows at once; the rest when the backend answers.
 */
export function DataProductCard() {
  const { entity } = useEntity();
  const product = useDataProductRef();
  const api = useApi(dataMeshApiRef);
  const entityLink = useEntityRefLink();
  const details = useAsync(() => api.getProduct(product), [api, product]);
  const contract = useAsync(() => api.getContract(product), [api, product]);
  const spec = readDataProductSpec(entity).spec;
  const summary = details.value;
  const owner = summary?.owner ?? (entity.spec?.owner as string | undefined);
  const base = entityLink(entity);
  const updated = summary?.freshness?.lastUpdatedAt;
  const stale =
    summary && freshnessState(summary, Date.now()) === 'stale'
      ? ' (stale)'
      : '';

  return (
    <InfoCard
      title="Data product"
      subheader={entity.metadata.title ?? entity.metadata.name}
      deepLink={{ title: 'Open the contract', link: `${base}/contract` }}
    >
      {details.loading && <Progress />}
      <Grid container spacing={2}>
        <Field label="Domain">
          {summary?.domain ? (
            <EntityRefLink entityRef={summary.domain} />
          ) : undefined}
        </Field>
        <Field label="Product kind">{summary?.productKind ?? spec.kind}</Field>
        <Field label="Contract version">
          {summary?.version ?? spec.contractSummary?.version}
        </Field>
        <Field label="Classification">{summary?.classification}</Field>
        <Field label="Lifecycle">
          {summary?.lifecycle ?? (entity.spec?.lifecycle as string)}
        </Field>
        <Field label="Data updated">
          {updated ? (
            <span title={absoluteTime(updated)}>
              {relativeTime(updated)}
              {stale}
            </span>
          ) : undefined}
        </Field>
        <Field label="SLO health">
          {summary ? (
            <SloHealthChip
              health={summary.sloHealth}
              restricted={summary.access?.read === false}
            />
          ) : undefined}
        </Field>
        <Field label="Governance">
          {summary ? (
            <GovernanceChip
              verdict={summary.governance}
              evaluatedAt={summary.governanceEvaluatedAt}
              withheld={summary.governanceWithheld}
            />
          ) : undefined}
        </Field>
      </Grid>
      {details.error && statusOf(details.error) === 404 && (
        <Typography variant="body2" mt={2} role="status">
          This data product is not shown to you: its classification lets only
          its owners, and the people they grant access to, see its contract and
          data.
        </Typography>
      )}
      {details.error && statusOf(details.error) !== 404 && (
        <Typography variant="body2" color="error" mt={2} role="alert">
          The data-mesh backend did not answer ({details.error.message}); SLO
          health and governance are unknown.
        </Typography>
      )}
      {summary?.access?.read === false && (
        <Typography variant="body2" mt={2} role="status">
          You see what this product is; its SLOs and data are shown to its
          readers. Ask{' '}
          {summary.access.owners.map((o, i) => (
            <span key={o}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={o} />
            </span>
          ))}{' '}
          for access.
        </Typography>
      )}
      {summary?.access?.read === false && <RequestAccess product={product} />}
      {!(details.error && statusOf(details.error) === 404) && (
        <>
          <Divider sx={{ my: 2 }} />
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Whom to ask
          </Typography>
          <ProductContacts owner={owner} contract={contract.value?.contract} />
        </>
      )}
      <Box
        display="flex"
        gap={2}
        mt={2}
        flexWrap="wrap"
        component="nav"
        aria-label="Data product tabs"
      >
        {DATA_PRODUCT_TABS.map(tab => (
          <Link key={tab.path} to={`${base}/${tab.path}`}>
            {tab.title}
          </Link>
        ))}
      </Box>
    </InfoCard>
  );
}
