import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';

/** A way to reach the people behind a product, as a line people read. */
export interface ContactLine {
  /** What to click or read: a person's name, a channel, an address. */
  label: string;
  /** Where it leads: `mailto:…` or a web address; absent when the contract gives none. */
  href?: string;
  /** What it is: a role (`Data Product Owner`), a tool (`Slack`), a scope. */
  detail?: string;
}

/** Whom to ask about a product, from its contract's `team` and `support`. */
export interface ProductContacts {
  /** The team's name, as the contract writes it. */
  team?: string;
  /** The team's members who have not left it. */
  members: ContactLine[];
  /** The support channels. */
  channels: ContactLine[];
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const TOOLS: Record<string, string> = {
  email: 'e-mail',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  discord: 'Discord',
  ticket: 'ticket',
  googlechat: 'Google Chat',
};

/** Only addresses people can follow: web pages and e-mail, never scripts or files. */
function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (EMAIL.test(trimmed)) return `mailto:${trimmed}`;
  return undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * The contacts a contract names: its team (the v3.1 object or the older list of members),
 * members who left (`dateOut` in the past) left out, and its support channels, e-mail
 * addresses shown as addresses, links only to web pages and e-mail.
 */
export function contactsOf(
  contract: OdcsContract | undefined,
  now = Date.now(),
): ProductContacts {
  const team = contract?.team;
  const members = Array.isArray(team) ? team : team?.members ?? [];
  const current = members.filter(m => {
    const out = m?.dateOut ? Date.parse(m.dateOut) : NaN;
    return !!m && (Number.isNaN(out) || out > now);
  });
  const memberLines: ContactLine[] = current
    .map(member => {
      const username = text(member.username);
      const name = text(member.name);
      if (!username && !name) return undefined;
      const line: ContactLine = {
        label: name && username ? `${name} (${username})` : (name ?? username)!,
      };
      const href =
        username && EMAIL.test(username) ? `mailto:${username}` : undefined;
      if (href) line.href = href;
      const role = text(member.role);
      if (role) line.detail = role;
      return line;
    })
    .filter((l): l is ContactLine => !!l);
  const channels: ContactLine[] = (contract?.support ?? [])
    .map(channel => {
      const href = safeHref(channel?.url);
      const address = href?.toLowerCase().startsWith('mailto:')
        ? href.slice('mailto:'.length)
        : undefined;
      const name = text(channel?.channel);
      const label =
        address ?? (name && name.toLowerCase() !== 'email' ? name : href);
      if (!label) return undefined;
      const tool = text(channel?.tool);
      const details = [
        tool ? TOOLS[tool.toLowerCase()] ?? tool : undefined,
        text(channel?.scope),
        text(channel?.description),
      ].filter(Boolean);
      const line: ContactLine = { label };
      if (href) line.href = href;
      if (details.length) line.detail = details.join(' · ');
      return line;
    })
    .filter((l): l is ContactLine => !!l);
  const teamName = Array.isArray(team) ? undefined : text(team?.name);
  return {
    ...(teamName ? { team: teamName } : {}),
    members: memberLines,
    channels,
  };
}
