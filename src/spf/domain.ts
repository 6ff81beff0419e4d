/**
 * Domain-name checks shared by the parser and the evaluator (RFC 7208 §4.3, RFC 1035 §2.3.4).
 */
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
  for (let i = 0; i <= end; i++) {
    const c = i === end ? 0x2e : name.charCodeAt(i);
    if (c === 0x2e) {
      const length = i - labelStart;
      if (length === 0) return 'empty-label';
      if (length > 63) return 'label-too-long';
      labels++;
      labelStart = i + 1;
    } else if (c < 0x20 || c === 0x7f) {
      // DNS labels may hold any octet (RFC 2181 §11) — macro expansion can produce spaces
      // and "%" — but control characters are never a usable name here.
      return 'bad-character';
    }
  }
  if (labels < 2) return 'single-label';
  return undefined;
}

/**
 * RFC 7208 §4.8/§7.3: an expanded domain over 253 characters loses labels on the left
 * until it fits.
 */
export function truncateDomain(name: string): string {
  let out = name.endsWith('.') ? name.slice(0, -1) : name;
  while (out.length > 253) {
    const dot = out.indexOf('.');
    if (dot === -1) return out;
    out = out.slice(dot + 1);
  }
  return out;
}

/** Lower case, no trailing dot: the form names are compared and reported in. */
export function canonicalDomain(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
