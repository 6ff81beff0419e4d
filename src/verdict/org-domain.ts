/**
 * The Organizational Domain of any domain by the RFC 9989 §4.10 tree walk — for relaxed
 * alignment the SPF domain's and each DKIM `d=`'s are needed beside the From domain's
 * (which discovery already gives). Both RFC readings come back: the tree walk's and the
 * Public Suffix List's (RFC 7489 §3.2), so the caller can say where they differ.
 */
import type { Resolver } from '../dns/resolver.ts';
import { organizationalDomain as pslOrganizationalDomain } from '../dmarc/org-domain.ts';
import { organizationalDomainOf, walkDmarcTree } from '../dmarc/tree-walk.ts';
import type { PublicSuffixList } from '../psl/types.ts';

/** Both readings of one domain's organisation. */
export interface OrganizationalDomains {
  /** By the tree walk; undefined when a DNS timeout/SERVFAIL stopped the walk. */
  rfc9989: string | undefined;
  /** By the Public Suffix List. */
  rfc7489: string;
}

/**
 * Walks the DNS tree from `domain` for its Organizational Domain.
 *
 * @example
 * (await findOrganizationalDomain('bounce.coachview.net', resolver, psl)).rfc9989; // 'coachview.net'
 */
export async function findOrganizationalDomain(domain: string, resolver: Resolver, suffixes: PublicSuffixList): Promise<OrganizationalDomains> {
  const walk = await walkDmarcTree(domain, resolver);
  return { rfc9989: walk.kind === 'complete' ? organizationalDomainOf(walk) : undefined, rfc7489: pslOrganizationalDomain(walk.domain, suffixes) };
}
