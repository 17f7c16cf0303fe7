import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo, type ReactNode } from 'react';
import { contactsOf, type ContactLine } from '../../lib/contacts';

function Line({ line }: { line: ContactLine }) {
  return (
    <Box component="li" sx={{ mb: 0.5 }}>
      {line.href ? <Link to={line.href}>{line.label}</Link> : line.label}
      {line.detail && (
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          ({line.detail})
        </Typography>
      )}
    </Box>
  );
}

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 200, flex: '1 1 200px' }}>
      <Typography variant="caption" color="text.secondary" component="h4">
        {label}
      </Typography>
      {children}
    </Box>
  );
}

const LIST_SX = { listStyle: 'none', p: 0, m: 0 } as const;

/**
 * Whom to ask about a data product: its owner in the catalog, the team its contract names
 * with its members, and the support channels (chat, e-mail, tickets) with links.
 */
export function ProductContacts(props: {
  owner?: string;
  contract?: OdcsContract;
}) {
  const { owner, contract } = props;
  const contacts = useMemo(() => contactsOf(contract), [contract]);
  const none = contacts.members.length === 0 && contacts.channels.length === 0;
  return (
    <Box
      component="section"
      aria-label="Contacts"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}
    >
      {owner && (
        <Group label="Owner">
          <EntityRefLink entityRef={owner} defaultKind="group" />
        </Group>
      )}
      {(contacts.team || contacts.members.length > 0) && (
        <Group label={contacts.team ? `Team: ${contacts.team}` : 'Team'}>
          <Box component="ul" sx={LIST_SX} aria-label="Team members">
            {contacts.members.map(line => (
              <Line key={line.label} line={line} />
            ))}
          </Box>
        </Group>
      )}
      {contacts.channels.length > 0 && (
        <Group label="Support">
          <Box component="ul" sx={LIST_SX} aria-label="Support channels">
            {contacts.channels.map(line => (
              <Line key={`${line.label}:${line.href}`} line={line} />
            ))}
          </Box>
        </Group>
      )}
      {none && (
        <Typography variant="body2" color="text.secondary">
          The contract names no team member or support channel
          {owner ? ': ask the owner.' : '.'}
        </Typography>
      )}
    </Box>
  );
}
