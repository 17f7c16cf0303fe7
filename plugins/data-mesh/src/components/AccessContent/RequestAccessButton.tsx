import type {
  AccessRequestView,
  ProductAccessResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { useApi } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { dataMeshApiRef } from '../../api';
import { messageOf } from '../common/AccessPanel';
import { dateInputValue, endOfDay } from './dates';

/**
 * "Request access": asks the product's owners for read access, with a purpose, an optional
 * end and, for a product with output ports, the whole product or one port. The owners are
 * notified; the answer comes as a notification and on the Access tab.
 */
export function RequestAccessButton(props: {
  entityRef: string;
  access: Pick<ProductAccessResponse, 'outputPorts' | 'maxDays'>;
  onRequested?: (request: AccessRequestView) => void;
}) {
  const { entityRef, access, onRequested } = props;
  const api = useApi(dataMeshApiRef);
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [until, setUntil] = useState('');
  const [port, setPort] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const latest = dateInputValue(Date.now() + access.maxDays * 86_400_000);

  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      const request = await api.requestAccess({
        entityRef,
        purpose: purpose.trim(),
        ...(until ? { until: endOfDay(until) } : {}),
        ...(port ? { outputPort: port } : {}),
      });
      setOpen(false);
      setPurpose('');
      setUntil('');
      onRequested?.(request);
    } catch (e) {
      setError(messageOf(e as Error));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Request access
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>Request read access</DialogTitle>
        <DialogContent>
          <Stack spacing={2} mt={1}>
            <TextField
              label="Purpose"
              helperText="What you need the data for: the owners read it, and it stays in the audit trail."
              value={purpose}
              onChange={e => setPurpose(e.target.value)}
              multiline
              minRows={2}
              required
            />
            <TextField
              label="Needed until"
              type="date"
              helperText={`Optional; at most ${access.maxDays} days from today. The owners set the end.`}
              value={until}
              onChange={e => setUntil(e.target.value)}
              inputProps={{ max: latest }}
              InputLabelProps={{ shrink: true }}
            />
            {access.outputPorts.length > 0 && (
              <TextField
                select
                label="Output port"
                value={port}
                onChange={e => setPort(e.target.value)}
                helperText="The whole product, or one of its output ports."
              >
                <MenuItem value="">The whole product</MenuItem>
                {access.outputPorts.map(p => (
                  <MenuItem key={p} value={p}>
                    {p}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="contained"
            onClick={submit}
            disabled={sending || !purpose.trim()}
          >
            Send the request
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
