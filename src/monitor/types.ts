/**
 * The data model of the monitor: watched domains, the checks kept for them and the events
 * a change between two checks raises. Plain JSON-able data: the store writes it as it is,
 * the CLI, the server and the dashboard read it as it is. Nothing here does I/O.
 */
import type { SpfResult } from '../spf/types.ts';

/**
 * A domain's situation for the services it must authorise: seed 004's three situations, a
 * broken policy, and `could-not-check` when DNS did not answer (a timeout or SERVFAIL is
 * never "no record") or the services could not be tested.
 */
export type MonitorSituation = 'none' | 'not-authorised' | 'authorised' | 'broken' | 'could-not-check';

/** Every situation, in the order lists and summaries show them. */
export const MONITOR_SITUATIONS: readonly MonitorSituation[] = Object.freeze(['not-authorised', 'broken', 'could-not-check', 'none', 'authorised']);

/**
 * A service the domain must authorise: a catalogue entry (data/providers.json) by id, or
 * one mechanism. `testIps` overrides the addresses it is tested with.
 *
 * @example
 * const coachview: WatchedService = { provider: 'coachview' };
 * const blueinkt: WatchedService = { mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] };
 */
export type WatchedService = { provider: string; testIps?: string[] } | { mechanism: string; testIps?: string[] };

/** What is given to watch a domain. */
export interface WatchInput {
  /** The domain (MAIL FROM domain), lower case, no trailing dot. */
  domain: string;
  /** At least one service. */
  services: WatchedService[];
  /** DKIM selectors to watch (`prezent-a`), optional. */
  dkimSelectors?: string[];
  /** The provider's own id for the customer. */
  customerId?: string;
  /** A label to find the customer by (name, contract …). */
  label?: string;
  /** When to re-check: `daily` (default) or what `parseSchedule` accepts. Stored as given. */
  schedule?: string;
  /** A group of domains (a reseller, a product …): checked together, and its schedule applies to members on the default one. */
  group?: string;
}

/** A watched domain as stored, with the latest check's situation for lists. */
export interface WatchedDomain {
  domain: string;
  services: WatchedService[];
  dkimSelectors: string[];
  customerId?: string;
  label?: string;
  schedule: string;
  group?: string;
  /** ISO 8601 UTC: when the scheduler checks it next; absent until planned (new, or its schedule changed). */
  nextDueAt?: string;
  /** ISO 8601 UTC. */
  addedAt: string;
  /** ISO 8601 UTC; changes when the entry is edited. */
  updatedAt: string;
  /** The latest check, when there is one. */
  lastCheck?: { id: number; checkedAt: string; situation: MonitorSituation };
}

/** The default schedule of a watched domain. */
export const DEFAULT_SCHEDULE = 'daily';

/** One test address of one service against the published policy. */
export interface IpResult {
  ip: string;
  result: SpfResult;
  /** The SPF cause code (`matched`, `no-match`, `dns-error` …). */
  cause: string;
  /** The top-level term that decided. */
  decidedBy?: string;
}

/** One service's part of a check. */
export interface ServiceCheck {
  /** The catalogue id or the mechanism, as in `WatchedService`. */
  service: string;
  /** The mechanism checked for (the provider's, canonical). */
  mechanism: string;
  situation: MonitorSituation;
  /** authorised: the term that authorises the service. */
  by?: string;
  /** broken: the SPF cause; could-not-check: `dns-error`, `unknown-provider`, `no-test-ips` … */
  cause?: string;
  results: IpResult[];
}

/** The SPF record of the domain as published. */
export interface SpfSnapshot {
  /** `record`: one v=spf1 record; `none`: none (with why); `multiple`: several; `dns-error`: DNS did not answer. */
  status: 'record' | 'none' | 'multiple' | 'dns-error';
  /** nxdomain, nodata, no-spf (none); timeout, servfail (dns-error). */
  dns?: string;
  /** Every v=spf1 record published, each its TXT strings joined (RFC 7208 §3.3). */
  records: string[];
  /** The TXT character-strings of the record (status `record`). */
  strings?: string[];
  /** RFC 7208 §4.6.4 DNS-querying terms of the whole tree, worst case (countLookups). */
  lookups?: number;
  /** False when part of the tree could not be counted (a DNS error, a missing include …). */
  lookupsComplete?: boolean;
  /** Octets of the record text. */
  bytes?: number;
  /** Octets of the longest character-string. */
  longestString?: number;
}

/** The DMARC policy that applies to the domain (RFC 9989 §4.10 discovery, src/dmarc/discover.ts). */
export interface DmarcSnapshot {
  /** `found`: a usable record; `none`: no record; `invalid`: a record DMARC processing ignores; `multiple`: several; `unavailable`: DNS did not answer. */
  status: 'found' | 'none' | 'invalid' | 'multiple' | 'unavailable';
  /** Where the record was found (`_dmarc.<domain>` or the organisational domain's). */
  name?: string;
  record?: string;
  /** The policy for this domain: `p=`, or the organisational domain's `sp=`. */
  policy?: 'none' | 'quarantine' | 'reject';
}

/** One DKIM selector's state. */
export interface DkimSnapshot {
  selector: string;
  /** `key`: a usable key; `revoked`: `p=` empty (RFC 6376 §3.6.1); `invalid`: a record that does not parse; `missing`: nothing published; `unavailable`: DNS did not answer. */
  status: 'key' | 'revoked' | 'invalid' | 'missing' | 'unavailable';
  /** The CNAME the selector points at, when it is one (how providers publish rotating keys). */
  cname?: string;
}

/** The record of a service's include target: the provider's own record every customer includes. */
export interface ProviderSnapshot {
  /** The include target (`spf.coachview.net`). */
  domain: string;
  status: 'record' | 'none' | 'multiple' | 'dns-error';
  record?: string;
  /** Lookups the include costs each customer: 1 + the target's tree. */
  lookups?: number;
}

/** Everything one check of a domain found: what the store keeps and events compare. */
export interface CheckSnapshot {
  domain: string;
  /** ISO 8601 UTC. */
  checkedAt: string;
  /** The domain's situation: the worst of its services' (see `worstSituation`). */
  situation: MonitorSituation;
  spf: SpfSnapshot;
  services: ServiceCheck[];
  dmarc: DmarcSnapshot;
  dkim: DkimSnapshot[];
  providers: ProviderSnapshot[];
  /** not-authorised or none: the SPF record the customer should publish (every missing service added; none for a domain that does not exist). */
  recordToPublish?: string;
  /** The smallest TTL (seconds) of the DNS answers the check used, when DNS gave TTLs: no answer can change sooner. */
  minTtl?: number;
}

/** A check as stored. */
export interface StoredCheck extends CheckSnapshot {
  id: number;
}

/** The kinds of change a check can raise. */
export type EventKind =
  /** The SPF record's terms changed (added, removed, or the record appeared or went away). */
  | 'record-changed'
  /** The situation changed; `authorised → not-authorised` opens an alarm, the way back closes it. */
  | 'situation-changed'
  /** The lookup count reached the limit of 10 (RFC 7208 §4.6.4): one more include breaks the record. */
  | 'lookups-at-limit'
  /** The lookup count went over 10: receivers give permerror. */
  | 'lookups-over-limit'
  /** The record grew over 450 octets (RFC 7208 §3.4: may not fit a UDP answer). */
  | 'record-too-long'
  /** The DMARC record went away. */
  | 'dmarc-removed'
  /** DMARC `p=` went down (reject → quarantine → none). */
  | 'dmarc-weakened'
  /** A DKIM selector's CNAME went away (or points elsewhere). */
  | 'dkim-cname-removed'
  /** A DKIM key was revoked (`p=` empty). */
  | 'dkim-key-revoked'
  /** A DKIM key that was published is gone. */
  | 'dkim-key-removed'
  /** A service's own record (the include target) changed: its lookups move every customer's count. */
  | 'provider-record-changed'
  /** Two checks in a row could not reach DNS: raised once per run of failures. */
  | 'could-not-check-repeated';

/** Every event kind, in a fixed order. */
export const EVENT_KINDS: readonly EventKind[] = Object.freeze([
  'record-changed',
  'situation-changed',
  'lookups-at-limit',
  'lookups-over-limit',
  'record-too-long',
  'dmarc-removed',
  'dmarc-weakened',
  'dkim-cname-removed',
  'dkim-key-revoked',
  'dkim-key-removed',
  'provider-record-changed',
  'could-not-check-repeated',
]);

/** A JSON value, for an event's before/after. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A change found by comparing a check with the ones before it. */
export interface MonitorEvent {
  kind: EventKind;
  domain: string;
  /** What the event is about within the domain: a selector, a provider domain; '' for the domain itself. */
  subject: string;
  before: JsonValue;
  after: JsonValue;
  /** situation-changed: `open` for authorised → not-authorised, `close` for the way back. */
  alarm?: 'open' | 'close';
  /** record-changed, provider-record-changed: the term diff (`+ term`, `- term`). */
  diff?: string[];
}

/** An event as stored. */
export interface StoredEvent extends MonitorEvent {
  id: number;
  /** The check that raised it. */
  checkId: number;
  /** ISO 8601 UTC, the check's time. */
  at: string;
}
