/**
 * Every finding an audit can report, by stable id. The ids are API: tools filter on them, so
 * an id is never renamed or reused. Each id has `audit.<id>.message` (and, unless it is pure
 * information, `audit.<id>.fix`) in src/i18n/audit.en.ts and audit.nl.ts.
 *
 * "Own records" are the domain's SPF record and the records its `redirect=` chain leads to
 * (the policy the domain controls); "the tree" is everything reached through `include:` too.
 *
 * | id | area | severity | when | reference |
 * |---|---|---|---|---|
 * | `spf-missing` | spf | error | no TXT record starting with `v=spf1` (NXDOMAIN, no TXT, or none is SPF) | RFC 7208 §4.5 |
 * | `spf-multiple-records` | spf | error | more than one `v=spf1` record at a name (own or in the tree) | RFC 7208 §4.5, §3.2 |
 * | `spf-bad-version` | spf | error / warning | a TXT record that looks like SPF (`spf1 …`, `v=spf2.0`, `"v=spf1`, leading space) but is not `v=spf1`; error when it is the only candidate | RFC 7208 §4.5 |
 * | `spf-syntax` | spf | error | each syntax issue of a record in the tree, with its column | RFC 7208 §4.6, §12 |
 * | `spf-too-many-lookups` | spf | error | more than 10 DNS-querying terms in the tree (evidence: the tree with each branch's count) | RFC 7208 §4.6.4 |
 * | `spf-lookup-count` | spf | info | 10 or fewer: the count and the tree | RFC 7208 §4.6.4 |
 * | `spf-too-many-void-lookups` | spf | error | more than 2 lookups in the tree answer NXDOMAIN or nothing | RFC 7208 §4.6.4 |
 * | `spf-include-missing` | spf | error | an include target has no SPF record | RFC 7208 §5.2 |
 * | `spf-redirect-missing` | spf | error | a redirect target has no SPF record | RFC 7208 §6.1 |
 * | `spf-include-loop` | spf | error | an include/redirect leads back to a record on its own path | RFC 7208 §4.6.4 |
 * | `spf-ptr` | spf | warning | a `ptr` mechanism in the tree | RFC 7208 §5.5 |
 * | `spf-plus-all` | spf | error | `+all` in an own record or an included one (every server passes) | RFC 7208 §5.1 |
 * | `spf-neutral-all` | spf | warning | `?all` in an own record | RFC 7208 §8.2 |
 * | `spf-no-all` | spf | warning | an own record without `all` and without `redirect=` | RFC 7208 §4.7 |
 * | `spf-redirect-ignored` | spf | warning | `redirect=` in a record that has `all` | RFC 7208 §6.1 |
 * | `spf-after-all` | spf | warning | mechanisms after `all` (never evaluated) | RFC 7208 §5.1 |
 * | `spf-string-too-long` | spf | error | a TXT character-string of an own record over 255 bytes | RFC 1035 §3.3, RFC 7208 §3.3 |
 * | `spf-record-too-long` | spf | warning | name + all TXT records at an own record's name over 450 bytes | RFC 7208 §3.4 |
 * | `spf-overlapping-ranges` | spf | warning | an own `ip4`/`ip6` range equal to or inside another with the same qualifier | RFC 7208 §5.6 |
 * | `spf-range-in-include` | spf | info | an own `ip4`/`ip6` range already authorised by a range in an included record | RFC 7208 §5.2 |
 * | `spf-host-without-address` | spf | warning | an own `a`/`mx` term whose name has no A/AAAA (or no MX, or MX hosts without address) | RFC 7208 §5.3, §5.4, §4.6.4 |
 * | `spf-unknown-modifier` | spf | warning | an unknown modifier in an own record (ignored by receivers; often a typo) | RFC 7208 §6 |
 * | `spf-dynamic-term` | spf | info | an include/redirect/a/mx/exists with macros: not followed, counted as one lookup | RFC 7208 §7 |
 * | `spf-type99-not-checked` | spf | info | no SPF TXT record: only TXT was queried, the retired SPF type (99) is not | RFC 7208 §3.1, §14.1 |
 * | `dkim-key-found` | dkim | info | a usable key at a selector (CNAME target in evidence) | RFC 6376 §3.6.2.1 |
 * | `dkim-none-found` | dkim | info | no selector given and none of the common selectors has a key | RFC 6376 §3.1 |
 * | `dkim-selector-missing` | dkim | error | a given selector has no key record | RFC 6376 §3.6.2.2 |
 * | `dkim-cname-broken` | dkim | error / warning | the selector is a CNAME whose target has no TXT record (error for a given selector) | RFC 1034 §3.6.2 |
 * | `dkim-multiple-records` | dkim | warning | more than one TXT record at a key name | RFC 6376 §3.6.2.2 |
 * | `dkim-bad-version` | dkim | error | `v=` is not `DKIM1` or not the first tag | RFC 6376 §3.6.1 |
 * | `dkim-weak-key` | dkim | error | RSA key under 1024 bits | RFC 8301 §3.2 |
 * | `dkim-short-key` | dkim | warning | RSA key of 1024–2047 bits | RFC 8301 §3.2 |
 * | `dkim-ed25519` | dkim | info | an ed25519 key (not every verifier supports it) | RFC 8463 |
 * | `dkim-revoked` | dkim | warning | `p=` empty: the key is revoked | RFC 6376 §3.6.1 |
 * | `dkim-testing` | dkim | warning | `t=y`: testing mode | RFC 6376 §3.6.1 |
 * | `dkim-hash-algorithms` | dkim | error / warning | `h=` allows sha1, lacks sha256, or names unknown algorithms | RFC 6376 §3.6.1, RFC 8301 §3.1 |
 * | `dkim-syntax` | dkim | error / warning | any other issue of the key record | RFC 6376 §3.2, §3.6.1 |
 * | `dmarc-missing` | dmarc | error | no DMARC record found by the DNS tree walk | RFC 9989 §4.10.1 |
 * | `dmarc-multiple-records` | dmarc | error | more than one `v=DMARC1` record at a name of the walk (all are discarded) | RFC 9989 §4.10 |
 * | `dmarc-syntax` | dmarc | error / warning | each issue of the record (severity from the parser) | RFC 7489 §6.3, §6.4 |
 * | `dmarc-policy-none` | dmarc | warning | the applicable policy is `none`: monitoring only | RFC 7489 §6.3 |
 * | `dmarc-org-domain` | dmarc | info | the record comes from the organisational domain | RFC 9989 §4.10.1 |
 * | `dmarc-psd-policy` | dmarc | info | the record comes from a public suffix (`psd=y`) | RFC 9989 §4.10.1 |
 * | `dmarc-rfc7489-differs` | dmarc | info | RFC 7489 (Public Suffix List) would take another organisational domain or record | RFC 7489 §3.2, §6.6.3; RFC 9989 §4.10 |
 * | `dmarc-report-unauthorized` | dmarc | warning | an external `rua`/`ruf` target without its `_report._dmarc` authorisation record | RFC 7489 §7.1 |
 * | `mx-missing` | mx | warning | no MX records | RFC 5321 §5.1 |
 * | `mx-null` | mx | info | a null MX: the domain receives no mail | RFC 7505 |
 * | `mx-unresolvable` | mx | error | an exchange without A and AAAA records | RFC 5321 §5.1 |
 * | `dns-unavailable` | any | warning | a query timed out or failed (SERVFAIL): the area could not be checked | RFC 7208 §2.6.6 |
 * | `dns-resolver-unreachable` | any | warning | no query of the audit got a reply and spfkit's own resolver does not answer its probe: one per area, instead of the `dns-unavailable` findings, and no grade | RFC 7208 §2.6.6 |
 */
import type { MessageKey } from '../i18n/catalog.ts';
import type { AuditArea, Evidence, Finding, Severity } from './types.ts';

interface FindingSpec {
  /** The area the finding belongs to; `any` for findings that every area can raise. */
  area: AuditArea | 'any';
  /** The severities it is reported with. */
  severities: readonly Severity[];
}

/**
 * The finding table (see the file header for when each is reported).
 *
 * @example
 * FINDINGS['spf-ptr']; // { area: 'spf', severities: ['warning'] }
 */
export const FINDINGS = {
  'spf-missing': { area: 'spf', severities: ['error'] },
  'spf-multiple-records': { area: 'spf', severities: ['error'] },
  'spf-bad-version': { area: 'spf', severities: ['error', 'warning'] },
  'spf-syntax': { area: 'spf', severities: ['error'] },
  'spf-too-many-lookups': { area: 'spf', severities: ['error'] },
  'spf-lookup-count': { area: 'spf', severities: ['info'] },
  'spf-too-many-void-lookups': { area: 'spf', severities: ['error'] },
  'spf-include-missing': { area: 'spf', severities: ['error'] },
  'spf-redirect-missing': { area: 'spf', severities: ['error'] },
  'spf-include-loop': { area: 'spf', severities: ['error'] },
  'spf-ptr': { area: 'spf', severities: ['warning'] },
  'spf-plus-all': { area: 'spf', severities: ['error'] },
  'spf-neutral-all': { area: 'spf', severities: ['warning'] },
  'spf-no-all': { area: 'spf', severities: ['warning'] },
  'spf-redirect-ignored': { area: 'spf', severities: ['warning'] },
  'spf-after-all': { area: 'spf', severities: ['warning'] },
  'spf-string-too-long': { area: 'spf', severities: ['error'] },
  'spf-record-too-long': { area: 'spf', severities: ['warning'] },
  'spf-overlapping-ranges': { area: 'spf', severities: ['warning'] },
  'spf-range-in-include': { area: 'spf', severities: ['info'] },
  'spf-host-without-address': { area: 'spf', severities: ['warning'] },
  'spf-unknown-modifier': { area: 'spf', severities: ['warning'] },
  'spf-dynamic-term': { area: 'spf', severities: ['info'] },
  'spf-type99-not-checked': { area: 'spf', severities: ['info'] },
  'dkim-key-found': { area: 'dkim', severities: ['info'] },
  'dkim-none-found': { area: 'dkim', severities: ['info'] },
  'dkim-selector-missing': { area: 'dkim', severities: ['error'] },
  'dkim-cname-broken': { area: 'dkim', severities: ['error', 'warning'] },
  'dkim-multiple-records': { area: 'dkim', severities: ['warning'] },
  'dkim-bad-version': { area: 'dkim', severities: ['error'] },
  'dkim-weak-key': { area: 'dkim', severities: ['error'] },
  'dkim-short-key': { area: 'dkim', severities: ['warning'] },
  'dkim-ed25519': { area: 'dkim', severities: ['info'] },
  'dkim-revoked': { area: 'dkim', severities: ['warning'] },
  'dkim-testing': { area: 'dkim', severities: ['warning'] },
  'dkim-hash-algorithms': { area: 'dkim', severities: ['error', 'warning'] },
  'dkim-syntax': { area: 'dkim', severities: ['error', 'warning'] },
  'dmarc-missing': { area: 'dmarc', severities: ['error'] },
  'dmarc-multiple-records': { area: 'dmarc', severities: ['error'] },
  'dmarc-syntax': { area: 'dmarc', severities: ['error', 'warning'] },
  'dmarc-policy-none': { area: 'dmarc', severities: ['warning'] },
  'dmarc-org-domain': { area: 'dmarc', severities: ['info'] },
  'dmarc-psd-policy': { area: 'dmarc', severities: ['info'] },
  'dmarc-rfc7489-differs': { area: 'dmarc', severities: ['info'] },
  'dmarc-report-unauthorized': { area: 'dmarc', severities: ['warning'] },
  'mx-missing': { area: 'mx', severities: ['warning'] },
  'mx-null': { area: 'mx', severities: ['info'] },
  'mx-unresolvable': { area: 'mx', severities: ['error'] },
  'dns-unavailable': { area: 'any', severities: ['warning'] },
  'dns-resolver-unreachable': { area: 'any', severities: ['warning'] },
} as const satisfies Record<string, FindingSpec>;

/** Every finding id. */
export type FindingId = keyof typeof FINDINGS;

/** The severities a finding is reported with. */
export type SeverityOf<K extends FindingId> = (typeof FINDINGS)[K]['severities'][number];

/**
 * All finding ids, in table order.
 *
 * @example
 * FINDING_IDS.includes('spf-ptr'); // true
 */
export const FINDING_IDS: readonly FindingId[] = Object.freeze(Object.keys(FINDINGS) as FindingId[]);

// Compile-time check: every finding has an English message (and so a Dutch one, which the
// Translation type of audit.nl.ts enforces).
type MissingMessage = Exclude<`audit.${FindingId}.message`, MessageKey>;
const everyFindingHasAMessage: [MissingMessage] extends [never] ? true : MissingMessage = true;
void everyFindingHasAMessage;

/** What a finding is made of before it gets its area. */
export interface FindingInput<K extends FindingId> {
  id: K;
  severity: SeverityOf<K>;
  message: string;
  evidence: Evidence;
  fix?: string;
  /** Only for findings of area `any` (dns-unavailable, dns-resolver-unreachable): the area that asked. Ignored otherwise. */
  area?: AuditArea;
}

/**
 * Builds a finding, taking its area from the table. Throws (a programmer error) when a
 * finding of area `any` comes without one.
 *
 * @example
 * makeFinding({ id: 'spf-ptr', severity: 'warning', message, fix, evidence: { term: 'ptr' } });
 */
export function makeFinding<K extends FindingId>(input: FindingInput<K>): Finding {
  const spec: FindingSpec = FINDINGS[input.id];
  const area = spec.area === 'any' ? input.area : spec.area;
  if (area === undefined) throw new Error(`finding ${input.id} needs an area`);
  const finding: Finding = { id: input.id, area, severity: input.severity, message: input.message, evidence: input.evidence };
  if (input.fix !== undefined) finding.fix = input.fix;
  return finding;
}

/**
 * Severity order for sorting: errors first.
 *
 * @example
 * findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
 */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({ error: 0, warning: 1, info: 2 });
