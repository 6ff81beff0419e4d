/**
 * Domain-name helpers shared by the DMARC, DKIM and public-suffix code: one rule for what a
 * host name label is, one normal form for comparing names.
 */
import { domainToASCII } from 'node:url';
import { normalizeName, withoutTrailingDot } from '../dns/resolver.ts';

/** Names longer than this do not fit in a DNS query (RFC 1035 §2.3.4, without the root). */
export const MAX_NAME_LENGTH = 253;

/** A label longer than this cannot be encoded (RFC 1035 §2.3.4). */
export const MAX_LABEL_LENGTH = 63;

/**
 * The comparison form of a domain: lower case, no trailing dot, internationalized labels as
 * A-labels (RFC 7489 §7.1 step 3 asks for A-labels). A name that IDNA rejects is returned
 * lower-cased so that the caller's own validation can report it.
 *
 * @example
 * toAsciiDomain('Bücher.Example.'); // 'xn--bcher-kva.example'
 */
export function toAsciiDomain(name: string): string {
  const lower = normalizeName(name);
  if (/^\p{ASCII}*$/u.test(lower)) return lower;
  const ascii = domainToASCII(lower);
  return ascii === '' ? lower : normalizeName(ascii);
}

/**
 * RFC 5321 §4.1.2 `sub-domain = Let-dig [Ldh-str]`: letters, digits and inner hyphens, at
 * most 63 characters. DKIM selectors (RFC 6376 §3.1) are made of these too.
 */
export function isLdhLabel(label: string): boolean {
  return label.length <= MAX_LABEL_LENGTH && /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(label);
}

/**
 * True for an ASCII host name made of LDH labels, at most 253 characters, with at least
 * `minLabels` labels. A trailing dot is allowed.
 *
 * @example
 * isHostname('mail.example.com'); // true
 * isHostname('exa mple.com');     // false
 */
export function isHostname(name: string, minLabels = 1): boolean {
  const bare = withoutTrailingDot(name);
  if (bare.length === 0 || bare.length > MAX_NAME_LENGTH) return false;
  const labels = bare.split('.');
  return labels.length >= minLabels && labels.every(isLdhLabel);
}
