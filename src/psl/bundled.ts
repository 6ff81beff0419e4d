/**
 * The Public Suffix List that ships inside the `tldts` package (the copy postalsys/mailauth
 * uses too). It works offline; updating it means updating the dependency.
 */
import { getPublicSuffix } from 'tldts';
import { toAsciiDomain } from './domain-name.ts';
import type { PublicSuffixList } from './types.ts';

export interface BundledListOptions {
  /**
   * Include the list's PRIVATE section (suffixes run by companies, e.g. `github.io`).
   * RFC 7489 §3.2 just says "the Public Suffix List"; mailauth includes them, so the default
   * is `true`: `alice.github.io` and `bob.github.io` are then different organizations.
   */
  privateDomains?: boolean;
}

/**
 * The bundled list. The function holds no state; call it once and pass the list around.
 *
 * @example
 * const list = bundledPublicSuffixList();
 * list.publicSuffix('mail.example.co.uk'); // 'co.uk'
 */
export function bundledPublicSuffixList(options: BundledListOptions = {}): PublicSuffixList {
  const tldtsOptions = {
    allowPrivateDomains: options.privateDomains ?? true,
    // The input is a domain, not a URL; validation is the caller's business.
    extractHostname: false,
    validateHostname: false,
    detectIp: false,
    mixedInputs: false,
  };
  return {
    publicSuffix(domain: string): string {
      const ascii = toAsciiDomain(domain);
      const suffix = getPublicSuffix(ascii, tldtsOptions);
      // tldts answers null for an empty name; the default rule "*" gives the last label.
      return suffix === null || suffix === '' ? (ascii.split('.').pop() ?? '') : suffix;
    },
  };
}
