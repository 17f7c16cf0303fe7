import type {
  AccessAuditEntry,
  AccessGrantView,
  AccessRequestView,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { absoluteTime, relativeTime } from '../../lib/time';
import { ToneChip } from '../common';
import type { Tone } from '../common';

/** A time as "in 3 days", with the exact time on hover. */
export function When({ iso }: { iso?: string }) {
  if (!iso) return <>–</>;
  return <span title={absoluteTime(iso)}>{relativeTime(iso)}</span>;
}

const REQUEST_TONES: Record<AccessRequestView['state'], Tone> = {
  pending: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

const GRANT_TONES: Record<AccessGrantView['state'], Tone> = {
  active: 'success',
  expired: 'default',
  revoked: 'error',
};

export function RequestStateChip({
  state,
}: {
  state: AccessRequestView['state'];
}) {
  return <ToneChip tone={REQUEST_TONES[state]} label={state} />;
}

export function GrantStateChip({ grant }: { grant: AccessGrantView }) {
  // A grant whose end has passed no longer holds, even before the expiry task marks it.
  const state =
    grant.state === 'active' && Date.parse(grant.expiresAt) <= Date.now()
      ? 'expired'
      : grant.state;
  return <ToneChip tone={GRANT_TONES[state]} label={state} />;
}

/** Requests with who asked, why, until when, their state, and actions for each. */
export function RequestsTable(props: {
  label: string;
  requests: AccessRequestView[];
  showProduct?: boolean;
  actions?: (request: AccessRequestView) => ReactNode;
}) {
  const { label, requests, showProduct, actions } = props;
  if (requests.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        None.
      </Typography>
    );
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {showProduct && <TableCell>Product</TableCell>}
          <TableCell>For</TableCell>
          <TableCell>Purpose</TableCell>
          <TableCell>Asked</TableCell>
          <TableCell>Until</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Note</TableCell>
          {actions && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {requests.map(r => (
          <TableRow key={r.id}>
            {showProduct && (
              <TableCell>
                {r.title ?? r.entityRef}
                {r.outputPort ? ` (${r.outputPort})` : ''}
              </TableCell>
            )}
            <TableCell>
              {r.principal}
              {r.principal !== r.requester && (
                <Typography variant="caption" display="block">
                  asked by {r.requester}
                </Typography>
              )}
              {!showProduct && r.outputPort && (
                <Typography variant="caption" display="block">
                  port {r.outputPort}
                </Typography>
              )}
            </TableCell>
            <TableCell>{r.purpose}</TableCell>
            <TableCell>
              <When iso={r.createdAt} />
            </TableCell>
            <TableCell>
              <When iso={r.grant?.expiresAt ?? r.until} />
            </TableCell>
            <TableCell>
              <RequestStateChip state={r.state} />
            </TableCell>
            <TableCell>
              {r.note ?? '–'}
              {r.decidedBy && (
                <Typography variant="caption" display="block">
                  by {r.decidedBy}
                </Typography>
              )}
            </TableCell>
            {actions && <TableCell>{actions(r)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Grants with who holds them, until when, where they were applied, and a revoke button. */
export function GrantsTable(props: {
  grants: AccessGrantView[];
  onRevoke?: (grant: AccessGrantView) => void;
}) {
  const { grants, onRevoke } = props;
  if (grants.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        None.
      </Typography>
    );
  return (
    <Table size="small" aria-label="Grants">
      <TableHead>
        <TableRow>
          <TableCell>Reader</TableCell>
          <TableCell>Granted by</TableCell>
          <TableCell>Ends</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Applied on</TableCell>
          {onRevoke && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {grants.map(g => (
          <TableRow key={g.id}>
            <TableCell>
              {g.principal}
              {g.outputPort && (
                <Typography variant="caption" display="block">
                  port {g.outputPort}
                </Typography>
              )}
            </TableCell>
            <TableCell>{g.grantedBy}</TableCell>
            <TableCell>
              <When iso={g.endedAt ?? g.expiresAt} />
            </TableCell>
            <TableCell>
              <GrantStateChip grant={g} />
            </TableCell>
            <TableCell>
              {g.platforms.length === 0
                ? 'the portal'
                : g.platforms.map(p => (
                    <Typography key={p.platform} variant="body2">
                      {p.platform}
                      {p.account ? ` as ${p.account}` : ''}: {p.state}
                      {p.error ? ` (${p.error})` : ''}
                    </Typography>
                  ))}
            </TableCell>
            {onRevoke && (
              <TableCell>
                {g.state === 'active' && (
                  <Button
                    size="small"
                    color="error"
                    onClick={() => onRevoke(g)}
                  >
                    Revoke
                  </Button>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Every step of a product's access, newest first, as the backend keeps it. */
export function AuditTable({ entries }: { entries: AccessAuditEntry[] }) {
  if (entries.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        Nothing yet.
      </Typography>
    );
  return (
    <Table size="small" aria-label="Audit trail">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Who</TableCell>
          <TableCell>What</TableCell>
          <TableCell>Concerning</TableCell>
          <TableCell>Detail</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(e => (
          <TableRow key={e.id}>
            <TableCell>{absoluteTime(e.at)}</TableCell>
            <TableCell>{e.actor}</TableCell>
            <TableCell>{e.action}</TableCell>
            <TableCell>{e.principal ?? '–'}</TableCell>
            <TableCell>{e.detail ?? '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
