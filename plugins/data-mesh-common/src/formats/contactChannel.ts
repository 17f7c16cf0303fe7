import type { OdcsSupportChannel } from '../odcs/model';
import type { Converted } from './types';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const WEB = /^https?:\/\/\S+$/i;

/**
 * The ODCS support channel a contact written in another format stands for: an e-mail
 * address becomes an `email` channel with a `mailto:` URL, an http(s) URL a `web` channel;
 * anything else (a name, a Slack handle) is not a way to reach someone, and gives none.
 */
export function contactChannel(
  contact: unknown,
): Converted<OdcsSupportChannel> | undefined {
  if (typeof contact !== 'string') return undefined;
  const written = contact.trim();
  if (EMAIL.test(written)) {
    return { channel: 'email', tool: 'email', url: `mailto:${written}` };
  }
  if (WEB.test(written)) return { channel: 'web', url: written };
  return undefined;
}
