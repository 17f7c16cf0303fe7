import type { AccessRequestView } from '@backstage-data-mesh/plugin-data-mesh-client';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { messageOf } from '../common/AccessPanel';
import { fromLocalInput, localInputValue } from './dates';

/** What an owner decided, as the decision route takes it. */
export type Decision =
  | { decision: 'approve'; expiresAt: string; note?: string }
  | { decision: 'refuse'; note: string };

/**
 * An owner's answer to one request: approve with an end (the requester's end, at most
 * `maxDays` ahead, to start with) and an optional note, or refuse with a note.
 */
export function DecisionDialog(props: {
  request: AccessRequestView;
  kind: 'approve' | 'refuse';
  maxDays: number;
  onClose: () => void;
  onDecide: (decision: Decision) => Promise<void>;
}) {
  const { request, kind, maxDays, onClose, onDecide } = props;
  const latest = Date.now() + maxDays * 86_400_000;
  const wanted = request.until ? Date.parse(request.until) : NaN;
  const [ends, setEnds] = useState(
    localInputValue(Number.isNaN(wanted) ? latest : Math.min(wanted, latest)),
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const expiresAt = fromLocalInput(ends);

  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      if (kind === 'approve') {
        await onDecide({
          decision: 'approve',
          expiresAt: expiresAt!,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      } else {
        await onDecide({ decision: 'refuse', note: note.trim() });
      }
    } catch (e) {
      setError(messageOf(e as Error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth>
      <DialogTitle>
        {kind === 'approve' ? 'Approve' : 'Refuse'} the request of{' '}
        {request.principal}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} mt={1}>
          <Typography variant="body2">Purpose: {request.purpose}</Typography>
          {kind === 'approve' && (
            <TextField
              label="Access ends"
              type="datetime-local"
              value={ends}
              onChange={e => setEnds(e.target.value)}
              helperText={`The grant ends by itself then; at most ${maxDays} days from now.`}
              InputLabelProps={{ shrink: true }}
              inputProps={{ 'aria-label': 'Access ends' }}
            />
          )}
          <TextField
            label="Note"
            value={note}
            onChange={e => setNote(e.target.value)}
            multiline
            minRows={2}
            required={kind === 'refuse'}
            helperText={
              kind === 'refuse'
                ? 'Why not: the requester reads it, and it stays in the audit trail.'
                : 'Optional: kept in the audit trail.'
            }
          />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color={kind === 'approve' ? 'primary' : 'error'}
          onClick={submit}
          disabled={
            sending ||
            (kind === 'approve' ? !expiresAt : note.trim().length === 0)
          }
        >
          {kind === 'approve' ? 'Approve' : 'Refuse'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
