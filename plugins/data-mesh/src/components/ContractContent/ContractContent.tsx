import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef } from '../../api';
import { AsyncContent, useDataProductRef } from '../common';
import { ProductContacts } from '../ProductContacts';
import { ContractOverviewCard } from './ContractOverviewCard';
import { ContractSourceCard, sourceFileName } from './ContractSourceCard';
import { ContractVersionsCard } from './ContractVersionsCard';
import { QualityRulesCard } from './QualityRulesCard';
import { SchemaSection } from './SchemaSection';
import { ServersAndPortsCard } from './ServersAndPortsCard';

/**
 * The Contract tab of a data product: what the contract is and what is wrong with it, the
 * schema, the quality rules, the servers and ports, and the source to copy.
 */
export function ContractContent() {
  const product = useDataProductRef();
  const api = useApi(dataMeshApiRef);
  const contract = useAsync(() => api.getContract(product), [api, product]);
  const details = useAsync(() => api.getProduct(product), [api, product]);
  // The drift is the product's data: readers see it, others see the contract alone.
  const drift = useAsync(
    () => api.getSchemaDrift(product).catch(() => undefined),
    [api, product],
  );

  return (
    <AsyncContent state={contract} errorTitle="Could not load the contract">
      {value => (
        <Grid container spacing={3}>
          {value.redacted && (
            <Grid item xs={12}>
              <Alert severity="info">
                You see what this contract describes. Its examples and source
                file are shown to the product's readers only.
              </Alert>
            </Grid>
          )}
          <Grid item xs={12}>
            <ContractOverviewCard
              contract={value.contract}
              format={value.format}
              location={value.location}
              issues={value.issues}
            />
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Whom to ask">
              <ProductContacts
                owner={details.value?.owner}
                contract={value.contract}
              />
            </InfoCard>
          </Grid>
          {value.contract ? (
            <>
              <Grid item xs={12}>
                <SchemaSection contract={value.contract} drift={drift.value} />
              </Grid>
              <Grid item xs={12}>
                <QualityRulesCard contract={value.contract} />
              </Grid>
              <Grid item xs={12}>
                {details.error ? (
                  <ResponseErrorPanel
                    title="Could not load the product's servers and ports"
                    error={details.error}
                  />
                ) : (
                  <ServersAndPortsCard
                    contract={value.contract}
                    details={details.value}
                  />
                )}
              </Grid>
            </>
          ) : (
            <Grid item xs={12}>
              <EmptyState
                missing="data"
                title="The contract could not be read"
                description="Fix the issues listed above; the source below is the file as written."
              />
            </Grid>
          )}
          <Grid item xs={12}>
            <ContractVersionsCard product={product} />
          </Grid>
          {value.source && (
            <Grid item xs={12}>
              <ContractSourceCard
                source={value.source}
                fileName={sourceFileName(
                  value.location,
                  product.name,
                  value.format,
                )}
              />
            </Grid>
          )}
        </Grid>
      )}
    </AsyncContent>
  );
}
