/**
 * The test inbox's addresses: `test-<token>@<host>` (issue 13.4). Only tokens handed out by
 * the store are served, so a stranger cannot fill the inbox with made-up addresses, and the
 * host must be the inbox's own (no relaying).
 */
import { TOKEN_PATTERN } from './store.ts';

/** The address a token receives at. */
export function inboxAddress(token: string, hostname: string): string {
  return `test-${token}@${hostname}`;
}

export type RecipientCheck = { ok: true; token: string } | { ok: false; code: 'other-domain' | 'not-a-test-address' };

/**
 * Reads an RCPT TO address: the token when it is `test-<token>@<hostname>` (both parts
 * case-insensitive, a trailing dot on the domain allowed).
 *
 * @example
 * recipientToken('Test-abcdefghijklmnopqrst@Inbox.Example.', 'inbox.example') // { ok: true, token: 'abcdefghijklmnopqrst' }
 */
export function recipientToken(address: string, hostname: string): RecipientCheck {
  const at = address.lastIndexOf('@');
  const domain = at === -1 ? '' : address.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (domain !== hostname.toLowerCase().replace(/\.$/, '')) return { ok: false, code: 'other-domain' };
  const local = address.slice(0, at).toLowerCase();
  const token = local.startsWith('test-') ? local.slice('test-'.length) : '';
  return TOKEN_PATTERN.test(token) ? { ok: true, token } : { ok: false, code: 'not-a-test-address' };
}
