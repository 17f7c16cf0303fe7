import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshApiRef } from '../../api';
import { AsyncContent } from '../common';
import { messageOf } from '../common/AccessPanel';
import { GrantsTable, RequestsTable } from './AccessTables';

/**
 * "My requests": every access request of the signed-in user and their groups, with what
 * the owners answered, and the grants they hold, across all products.
 */
export function MyAccessRequests() {
  const api = useApi(dataMeshApiRef);
  const requests = useAsyncRetry(() => api.listAccessRequests(), [api]);
  const grants = useAsyncRetry(() => api.listGrants(), [api]);
  const [error, setError] = useState<string>();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="My access requests">
          {error && <Alert severity="error">{error}</Alert>}
          <AsyncContent
            state={requests}
            errorTitle="Could not load your requests"
          >
            {value => (
              <RequestsTable
                label="My access requests"
                requests={value.items}
                showProduct
                actions={r =>
                  r.state === 'pending' ? (
                    <Button
                      size="small"
                      onClick={async () => {
                        setError(undefined);
                        try {
                          await api.withdrawAccessRequest(r.id);
                          requests.retry();
                        } catch (e) {
                          setError(messageOf(e as Error));
                        }
                      }}
                    >
                      Withdraw
                    </Button>
                  ) : null
                }
              />
            )}
          </AsyncContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="My grants">
          <AsyncContent state={grants} errorTitle="Could not load your grants">
            {value => <GrantsTable grants={value.items} />}
          </AsyncContent>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
