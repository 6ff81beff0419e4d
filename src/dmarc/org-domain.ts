/**
 * Organizational Domains (RFC 7489 §3.2) and the external report destinations that need the
 * receiving side's permission (RFC 7489 §7.1). No DNS here: the audit module queries the
 * authorization names this file computes.
 */
import { toAsciiDomain } from '../psl/domain-name.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import type { DmarcRecord, DmarcUri } from './types.ts';

/**
 * The Organizational Domain of `domain`, following RFC 7489 §3.2: find the public suffix
 * that matches the most labels of the name (x labels), then keep x + 1 labels.
 *
 * A name that is itself a public suffix (`co.uk`) has no label to add; §3.2 does not cover
 * it and we return the name itself, as mailauth does. The result is a lower-case A-label
 * name without trailing dot.
 *
 * @example
 * organizationalDomain('mail.eu.example.co.uk', bundledPublicSuffixList()); // 'example.co.uk'
 */
export function organizationalDomain(domain: string, suffixes: PublicSuffixList): string {
  const name = toAsciiDomain(domain);
  if (name === '') return name;
  const labels = name.split('.');
  const suffixLabels = suffixes.publicSuffix(name).split('.').length;
  if (labels.length <= suffixLabels) return name;
  return labels.slice(labels.length - suffixLabels - 1).join('.');
}

/**
 * A `rua`/`ruf` destination outside the policy domain's organization (RFC 7489 §7.1).
 *
 * @example
 * // for _dmarc.example.com with rua=mailto:d@reports.vendor.net:
 * // { tag: 'rua', targetDomain: 'reports.vendor.net', targetOrganizationalDomain: 'vendor.net',
 * //   authorizationName: 'example.com._report._dmarc.reports.vendor.net', uri }
 */
export interface ExternalReportTarget {
  tag: 'rua' | 'ruf';
  uri: DmarcUri;
  /** The URI's host ("destination host"), lower-case A-label. */
  targetDomain: string;
  /** The Organizational Domain of `targetDomain`. */
  targetOrganizationalDomain: string;
  /**
   * Where the destination must publish a TXT record starting with `v=DMARC1` to accept the
   * reports: `<policy domain>._report._dmarc.<destination host>`.
   */
  authorizationName: string;
}

/**
 * The report URIs of `record` that point outside the organization of `domain`, the domain
 * the record was published for (without `_dmarc.`), with the name of the TXT record that
 * must authorize each of them (RFC 7489 §7.1 steps 1–3). URIs without a host are skipped.
 *
 * @example
 * const parsed = parseDmarcRecord('v=DMARC1; p=none; rua=mailto:d@example.com,mailto:x@vendor.example');
 * if (parsed.ok) externalReportTargets('example.com', parsed.record, bundledPublicSuffixList());
 * // [{ tag: 'rua', targetDomain: 'vendor.example', authorizationName:
 * //    'example.com._report._dmarc.vendor.example', … }]
 */
export function externalReportTargets(
  domain: string,
  record: DmarcRecord,
  suffixes: PublicSuffixList,
): ExternalReportTarget[] {
  // §7.1 step 3: "Prepend the domain name from which the policy was retrieved, after
  // conversion to an A-label if needed."
  const policyDomain = toAsciiDomain(domain);
  const policyOrganization = organizationalDomain(policyDomain, suffixes);
  const targets: ExternalReportTarget[] = [];
  const lists: Array<['rua' | 'ruf', DmarcUri[]]> = [
    ['rua', record.aggregateReportUris],
    ['ruf', record.failureReportUris],
  ];
  for (const [tag, uris] of lists) {
    for (const uri of uris) {
      if (uri.domain === undefined) continue;
      // §7.1 step 1: the destination host is the host part of the URI's authority.
      const targetDomain = toAsciiDomain(uri.domain);
      const targetOrganizationalDomain = organizationalDomain(targetDomain, suffixes);
      if (targetOrganizationalDomain === policyOrganization) continue;
      targets.push({
        tag,
        uri,
        targetDomain,
        targetOrganizationalDomain,
        // §7.1 step 2: prepend "_report._dmarc" to the destination host.
        authorizationName: `${policyDomain}._report._dmarc.${targetDomain}`,
      });
    }
  }
  return targets;
}
