import type {
  AccessGrantView,
  AccessRequestView,
  ProductAccessResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshApiRef } from '../../api';
import { AsyncContent, useDataProductRef } from '../common';
import { messageOf } from '../common/AccessPanel';
import { AuditTable, GrantsTable, RequestsTable, When } from './AccessTables';
import { Decision, DecisionDialog } from './DecisionDialog';
import { RequestAccessButton } from './RequestAccessButton';

/** The caller's own access to the product: reading, granted until, asked, or a button to ask. */
export function YourAccess(props: {
  access: ProductAccessResponse;
  onChange: () => void;
}) {
  const { access, onChange } = props;
  const api = useApi(dataMeshApiRef);
  const [error, setError] = useState<string>();
  const withdraw = async (request: AccessRequestView) => {
    try {
      await api.withdrawAccessRequest(request.id);
      onChange();
    } catch (e) {
      setError(messageOf(e as Error));
    }
  };
  let text: string;
  if (access.grant) text = 'You read this product through a grant.';
  else if (access.read) text = 'You may read this product and its data.';
  else if (access.pending)
    text = "You asked for access; the product's owners have not answered yet.";
  else
    text =
      'You may see this product, not its data: ask its owners for read access.';
  return (
    <Stack spacing={1} role="status" aria-label="Your access">
      <Typography variant="body1">{text}</Typography>
      {access.grant && (
        <Typography variant="body2">
          Your grant ends <When iso={access.grant.expiresAt} /> (granted by{' '}
          {access.grant.grantedBy}).
        </Typography>
      )}
      {access.pending && (
        <Stack direction="row" spacing={1} alignItems="center">
          <Typography variant="body2">
            Asked <When iso={access.pending.createdAt} />: “
            {access.pending.purpose}”
          </Typography>
          <Button size="small" onClick={() => withdraw(access.pending!)}>
            Withdraw
          </Button>
        </Stack>
      )}
      {!access.read && !access.pending && (
        <div>
          <RequestAccessButton
            entityRef={access.entityRef}
            access={access}
            onRequested={onChange}
          />
        </div>
      )}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** What the product's owners see: pending requests to decide, grants to revoke, the audit. */
function OwnerAccess({ access }: { access: ProductAccessResponse }) {
  const api = useApi(dataMeshApiRef);
  const entityRef = access.entityRef;
  const requests = useAsyncRetry(
    () => api.listAccessRequests({ entityRef }),
    [api, entityRef],
  );
  const grants = useAsyncRetry(
    () => api.listGrants({ entityRef }),
    [api, entityRef],
  );
  const audit = useAsyncRetry(
    () => api.getAccessAudit(entityRef),
    [api, entityRef],
  );
  const [deciding, setDeciding] = useState<{
    request: AccessRequestView;
    kind: 'approve' | 'refuse';
  }>();
  const [error, setError] = useState<string>();
  const reload = () => {
    requests.retry();
    grants.retry();
    audit.retry();
  };
  const decide = async (request: AccessRequestView, decision: Decision) => {
    await api.decideAccessRequest(request.id, decision);
    setDeciding(undefined);
    reload();
  };
  const revoke = async (grant: AccessGrantView) => {
    setError(undefined);
    try {
      await api.revokeGrant(grant.id);
      reload();
    } catch (e) {
      setError(messageOf(e as Error));
    }
  };
  const pending =
    requests.value?.items.filter(r => r.state === 'pending') ?? [];
  const decided =
    requests.value?.items.filter(r => r.state !== 'pending') ?? [];

  return (
    <>
      <Grid item xs={12}>
        <InfoCard title={`Pending requests (${pending.length})`}>
          <AsyncContent
            state={requests}
            errorTitle="Could not load the requests"
          >
            {() => (
              <RequestsTable
                label="Pending requests"
                requests={pending}
                actions={r => (
                  <Stack direction="row" spacing={1}>
                    <Button
                      size="small"
                      variant="contained"
                      onClick={() =>
                        setDeciding({ request: r, kind: 'approve' })
                      }
                    >
                      Approve
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() =>
                        setDeciding({ request: r, kind: 'refuse' })
                      }
                    >
                      Refuse
                    </Button>
                  </Stack>
                )}
              />
            )}
          </AsyncContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Grants">
          {error && <Alert severity="error">{error}</Alert>}
          <AsyncContent state={grants} errorTitle="Could not load the grants">
            {value => <GrantsTable grants={value.items} onRevoke={revoke} />}
          </AsyncContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Decided requests">
          <AsyncContent
            state={requests}
            errorTitle="Could not load the requests"
          >
            {() => (
              <RequestsTable label="Decided requests" requests={decided} />
            )}
          </AsyncContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Audit trail"
          subheader="Every step of this product's access, kept as it happened."
        >
          <AsyncContent
            state={audit}
            errorTitle="Could not load the audit trail"
          >
            {value => <AuditTable entries={value.items} />}
          </AsyncContent>
        </InfoCard>
      </Grid>
      {deciding && (
        <DecisionDialog
          request={deciding.request}
          kind={deciding.kind}
          maxDays={access.maxDays}
          onClose={() => setDeciding(undefined)}
          onDecide={d => decide(deciding.request, d)}
        />
      )}
    </>
  );
}

/** The caller's own requests and grants for this product, when they are not an owner. */
function ConsumerAccess({ entityRef }: { entityRef: string }) {
  const api = useApi(dataMeshApiRef);
  const requests = useAsyncRetry(
    () => api.listAccessRequests({ entityRef }),
    [api, entityRef],
  );
  return (
    <Grid item xs={12}>
      <InfoCard title="Your requests">
        <AsyncContent
          state={requests}
          errorTitle="Could not load your requests"
        >
          {value => (
            <RequestsTable label="Your requests" requests={value.items} />
          )}
        </AsyncContent>
      </InfoCard>
    </Grid>
  );
}

/**
 * The Access tab of a data product: the caller's access (with "Request access" for those
 * who may see the product but not read it), and for its owners the pending requests to
 * approve with an end or refuse with a note, the grants to revoke and the audit trail.
 */
export function AccessContent() {
  const product = useDataProductRef();
  const api = useApi(dataMeshApiRef);
  const access = useAsyncRetry(
    () => api.getProductAccess(product),
    [api, product],
  );
  return (
    <AsyncContent
      state={access}
      errorTitle="Could not load the product's access"
    >
      {value => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <InfoCard title="Your access">
              <YourAccess access={value} onChange={access.retry} />
            </InfoCard>
          </Grid>
          {value.decide ? (
            <OwnerAccess access={value} />
          ) : (
            <ConsumerAccess entityRef={value.entityRef} />
          )}
        </Grid>
      )}
    </AsyncContent>
  );
}
