/**
 * Domain-name checks shared by the parser and the evaluator (RFC 7208 §4.3, RFC 1035 §2.3.4).
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { normalizeName, withoutTrailingDot } from '../dns/resolver.ts';
import type { DomainProblem } from './types.ts';

/**
 * Why `name` cannot be used as a DNS name for an SPF check, or undefined when it can.
 * A single trailing dot is allowed. RFC 7208 §4.3: a malformed or non-multi-label domain
 * gives "none" before any DNS query.
 *
 * @example
 * domainProblem('example.com') // undefined
 * domainProblem('A...example.com') // 'empty-label'
 */
export function domainProblem(name: string): DomainProblem | undefined {
  let end = name.length;
  if (end > 0 && name.charCodeAt(end - 1) === 0x2e) end--;
  if (end === 0) return 'empty';
  if (name.charCodeAt(0) === 0x5b /* [ */) return 'address-literal';
  if (end > 253) return 'too-long';
  let labelStart = 0;
  let labels = 0;
  let international = false;
  for (let i = 0; i <= end; i++) {
    const c = i === end ? 0x2e : name.charCodeAt(i);
    if (c === 0x2e) {
      const length = i - labelStart;
      if (length === 0) return 'empty-label';
      if (length > 63) return 'label-too-long';
      if ((international || isALabelPrefix(name, labelStart, i)) && !encodableLabel(name.slice(labelStart, i))) return 'bad-idn';
      international = false;
      labels++;
      labelStart = i + 1;
    } else if (c > 0x7f) {
      international = true;
    } else if (c < 0x20 || c === 0x7f) {
      // DNS labels may hold any octet (RFC 2181 §11) — macro expansion can produce spaces
      // and "%" — but control characters are never a usable name here.
      return 'bad-character';
    }
  }
  if (labels < 2) return 'single-label';
  return undefined;
}

/** True when name[start, end) begins with the A-label prefix "xn--" (RFC 5890 §2.3.2.1), in any case. */
function isALabelPrefix(name: string, start: number, end: number): boolean {
  return end - start >= 4 && name.slice(start, start + 4).toLowerCase() === 'xn--';
}

/**
 * True when a label that is not plain ASCII (or claims to be an A-label) has an IDNA form
 * (UTS #46, as node's resolver converts names). A label without one — an invisible or
 * direction-changing character (U+200D, U+202E), a lone surrogate, a broken "xn--" label —
 * cannot be sent: node's resolver would turn the whole name into "" and ask for the root.
 */
function encodableLabel(label: string): boolean {
  if (domainToASCII(label) === '') return false;
  if (!/^xn--/i.test(label)) return true;
  // Node 24's URL parser passes a broken A-label through unchanged (Node 20 gives ""): a real
  // A-label decodes to a different U-label that encodes back to it.
  const unicode = domainToUnicode(label);
  return unicode !== '' && unicode.toLowerCase() !== label.toLowerCase() && domainToASCII(unicode) === label.toLowerCase();
}

/**
 * RFC 7208 §4.8/§7.3: an expanded domain over 253 characters loses labels on the left
 * until it fits.
 */
export function truncateDomain(name: string): string {
  let out = withoutTrailingDot(name);
  while (out.length > 253) {
    const dot = out.indexOf('.');
    if (dot === -1) return out;
    out = out.slice(dot + 1);
  }
  return out;
}

/**
 * Lower case, no trailing dot: the form names are compared and reported in. The one name
 * normaliser is `normalizeName` (src/dns/resolver.ts); SPF code knows it by this name.
 *
 * @example
 * canonicalDomain('Example.COM.'); // 'example.com'
 */
export const canonicalDomain: (name: string) => string = normalizeName;
