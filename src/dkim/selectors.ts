/**
 * DKIM selectors (RFC 6376 §3.1) and the names of key records (§3.6.2.1).
 */
import { isLdhLabel, isHostname, MAX_NAME_LENGTH, toAsciiDomain } from '../psl/domain-name.ts';
import { dkimIssue } from './issues.ts';
import type { DkimIssue } from './types.ts';

/**
 * Selectors worth probing when a domain's selectors are unknown. DKIM has no way to list a
 * domain's selectors, so an audit can only try likely names; the list is short on purpose
 * (each probe is a DNS query).
 *
 * @example
 * const names = COMMON_SELECTORS.map((selector) => dkimName(selector, 'example.com'));
 */
export const COMMON_SELECTORS: readonly string[] = [
  'google', // Google Workspace
  'selector1', // Microsoft 365
  'selector2', // Microsoft 365
  'k1', // Mailchimp / Mandrill
  'k2',
  'k3',
  'mandrill', // Mandrill
  's1', // SendGrid
  's2', // SendGrid
  'fm1', // Fastmail
  'fm2',
  'fm3',
  'protonmail', // Proton Mail
  'protonmail2',
  'protonmail3',
  'sig1', // iCloud+ custom domains
  'zmail', // Zoho Mail
  'mailjet', // Mailjet
  'cm', // Campaign Monitor
  'everlytickey1', // Everlytic
  'everlytickey2',
  'mxvault',
  'default', // control panels and many hosts
  'dkim',
  'mail',
  'smtp',
  'key1',
  'dk',
];

/**
 * The name of a key record, or why it cannot be built.
 *
 * @example
 * const result: DkimNameResult = dkimName('google', 'example.com');
 */
export type DkimNameResult = { ok: true; name: string } | { ok: false; issue: DkimIssue };

/**
 * The DNS name of the key record for `selector` at `domain`: `selector._domainkey.domain`
 * (RFC 6376 §3.6.2.1), lower case, A-labels, no trailing dot. RFC 6376 §3.1 makes a selector
 * one or more RFC 5321 sub-domains (letters, digits, inner hyphens) separated by dots. An
 * issue's span points into the selector (`bad-selector`) or into the domain (`bad-domain`).
 *
 * @example
 * dkimName('prezent-a', 'example.nl'); // { ok: true, name: 'prezent-a._domainkey.example.nl' }
 * dkimName('bad_sel', 'example.nl');   // { ok: false, issue: { code: 'bad-selector', … } }
 */
export function dkimName(selector: string, domain: string): DkimNameResult {
  if (selector === '') {
    return { ok: false, issue: dkimIssue({ code: 'bad-selector', value: selector, reason: 'empty', span: { start: 0, end: 0 } }) };
  }
  let offset = 0;
  for (const label of selector.split('.')) {
    // §3.1: internationalized selectors are written as A-labels.
    if (!isLdhLabel(toAsciiDomain(label))) {
      const span = { start: offset, end: offset + label.length };
      return { ok: false, issue: dkimIssue({ code: 'bad-selector', value: selector, reason: 'bad-label', span }) };
    }
    offset += label.length + 1;
  }
  const asciiDomain = toAsciiDomain(domain);
  if (!isHostname(asciiDomain)) {
    return { ok: false, issue: dkimIssue({ code: 'bad-domain', value: domain, span: { start: 0, end: domain.length } }) };
  }
  const name = `${toAsciiDomain(selector)}._domainkey.${asciiDomain}`;
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, issue: dkimIssue({ code: 'bad-selector', value: selector, reason: 'too-long', span: { start: 0, end: selector.length } }) };
  }
  return { ok: true, name };
}
