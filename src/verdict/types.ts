/**
 * The types of a delivery prediction ("will this mail be accepted?", issue 13.1): what a
 * receiver's DMARC check (RFC 9989) would conclude for a sending setup, from DNS alone,
 * before anything is sent. `predictDelivery` (predict.ts) fills them; the pure DMARC part
 * (alignment, result, the policy that applies) is `dmarcOutcome` (dmarc-outcome.ts), which the
 * message verifier (src/dkim/verify*.ts) calls too; the receivers' requirements checklist
 * (requirements*.ts) takes a `DeliveryPrediction` as its input.
 *
 * No words here: every sentence is rendered from these values in src/i18n.
 */
import type { DmarcAlignment, DmarcPolicy, DmarcPsd } from '../dmarc/types.ts';
import type { DmarcPolicySource } from '../dmarc/tree-walk.ts';
import type { DkimKeyType } from '../dkim/types.ts';
import type { DomainProblem, SpfCauseCode, SpfResult } from '../spf/types.ts';

export type { DmarcAlignment, DmarcPolicy, DmarcPolicySource, SpfResult };

/** One DKIM key the sender signs with: `d=` and `s=` of its DKIM-Signature (RFC 6376 §3.5). */
export interface DkimSigner {
  /** `d=`, the signing domain. */
  domain: string;
  /** `s=`, the selector: the key is at `<selector>._domainkey.<domain>`. */
  selector: string;
}

/**
 * What is predicted: the SMTP session (client IP, HELO, MAIL FROM), the header From
 * domain (RFC 5322.From, the DMARC Author Domain) and the DKIM keys the sender signs with.
 *
 * @example
 * const input: VerdictInput = {
 *   ip: '212.83.209.204', helo: 'mail.coachview.net', mailFrom: 'bounce@coachview.net',
 *   fromDomain: 'klant.nl', dkim: [{ domain: 'klant.nl', selector: 'cv1' }],
 * };
 * // or with a catalogue entry whose DKIM selectors sign as the customer's domain:
 * const prezent: VerdictInput = { ip: '…', helo: '…', mailFrom: 'info@klant.nl', fromDomain: 'klant.nl', provider: 'dmrmail' };
 */
export interface VerdictInput {
  /** The SMTP client's IP address (IPv4 or IPv6). */
  ip: string;
  /** The HELO/EHLO name. SPF checks it when `mailFrom` is empty (RFC 7208 §2.4). */
  helo: string;
  /** The envelope sender (RFC 5321.MailFrom): an address or a bare domain; "" is the null reverse-path. */
  mailFrom: string;
  /** The header From domain; an address (`info@klant.nl`) is accepted and its domain taken. */
  fromDomain: string;
  /** The DKIM keys the sender signs with. May be empty. */
  dkim?: readonly DkimSigner[];
  /**
   * A provider id from data/providers.json: its catalogue entry's DKIM selectors are added
   * (signing as the From domain, the way CNAME-delegated selectors such as Prezent's
   * `prezent-a`/`prezent-b` work) and its SPF mechanism is what the fixes propose.
   */
  provider?: string;
}

/** Why an input field is unusable; the shells word it (`verdict.input.<code>`) with the field name. */
export interface VerdictInputIssue {
  field: 'ip' | 'helo' | 'mailFrom' | 'fromDomain' | 'dkim' | 'provider';
  code: 'bad-ip' | 'bad-domain' | 'missing-helo' | 'bad-selector' | 'unknown-provider' | 'sender-without-domain';
  /** The text given. */
  value: string;
  /** For `dkim`: which entry (0-based). */
  index?: number;
  /** For `bad-domain`: what is wrong with the name (worded as `spf.domain.<problem>`). */
  problem?: DomainProblem;
}

/**
 * Identifier alignment (RFC 9989 §4.4): `aligned` / `not-aligned`, or `unknown` when relaxed
 * alignment needs an Organizational Domain that a DNS failure left unknown.
 */
export type AlignmentState = 'aligned' | 'not-aligned' | 'unknown';

/** How one authenticated domain compares with the From domain. */
export interface Alignment {
  /** `aspf` / `adkim` of the record that applies; `r` (the default) when there is none. */
  mode: DmarcAlignment;
  state: AlignmentState;
  /** The authenticated domain (SPF: the checked domain; DKIM: `d=`). */
  domain: string;
  /** Its Organizational Domain by the RFC 9989 tree walk; undefined when a DNS failure hid it. */
  organizationalDomain: string | undefined;
  /** `same-domain`: equal names; `same-organization`: equal Organizational Domains (relaxed only). */
  basis?: 'same-domain' | 'same-organization';
}

/** The SPF part: check_host() for the envelope domain (RFC 7208) and its alignment with From. */
export interface SpfVerdict {
  result: SpfResult;
  /** The domain checked: the MAIL FROM domain, or the HELO name for a null reverse-path. */
  domain: string;
  identity: 'mfrom' | 'helo';
  /** Why check_host() ended so (src/spf/types.ts `SpfCause`), for the explanation. */
  cause: SpfCauseCode;
  /** DNS-querying terms used (RFC 7208 §4.6.4 limit 10). */
  lookups: number;
  alignment: Alignment;
}

/**
 * The DKIM result a receiver would reach for one signer — predicted from the key record alone
 * (`pass`: a usable key is published, so a correct signature with it verifies), or from a
 * verified signature when a real message is checked. The tokens are RFC 8601's.
 */
export type DkimResult = 'pass' | 'fail' | 'neutral' | 'policy' | 'none' | 'temperror' | 'permerror';

/** What is published at one selector. */
export type DkimKeyState =
  /** A key a verifier can use for email (RFC 6376 §3.6.1, RFC 8301 ≥ 1024 bits). */
  | 'usable'
  /** No record at the name (or a CNAME whose target has none). */
  | 'missing'
  /** `p=` empty: the key is revoked (RFC 6376 §3.6.1). */
  | 'revoked'
  /** A record a verifier discards: bad syntax, wrong version, undecodable or too weak key, `s=` without email. */
  | 'unusable'
  /** Several TXT records at the name: RFC 6376 §3.6.2.2 leaves the choice undefined. */
  | 'multiple'
  /** A DNS timeout or SERVFAIL: unknown — never "missing". */
  | 'temperror';

/** The DKIM part for one signer. */
export interface DkimVerdict extends DkimSigner {
  /** `<selector>._domainkey.<domain>`. */
  name: string;
  /** The CNAME target when the selector is an alias (followed). */
  cname?: string;
  key: DkimKeyState;
  keyType?: DkimKeyType;
  bits?: number;
  /** `t=y` in the key record: the signer is testing; receivers may treat signatures as unsigned. */
  testing?: boolean;
  /** Where the signer came from: given in the input, or from the provider's catalogue entry. */
  from: 'input' | 'provider';
  /** For a catalogue CNAME selector: the target the customer should point it at. */
  expectedCname?: string;
  result: DkimResult;
  alignment: Alignment;
}

/** RFC 9989 §4.x DMARC results, as RFC 8601 tokens. */
export type DmarcResult = 'pass' | 'fail' | 'none' | 'temperror';

/**
 * The policy that applies to the From domain (RFC 9989 §4.7/§4.10.1): `p` for a record at the
 * From domain itself, `np` for a From domain that does not exist (no A, AAAA or MX), `sp`
 * for another subdomain; `t=y` asks receivers to apply the next weaker policy.
 */
export interface AppliedPolicy {
  /** The tag whose value applies. */
  tag: 'p' | 'sp' | 'np';
  /** The policy the record asks for. */
  requested: DmarcPolicy;
  /** `t=y` (RFC 9989): testing. */
  testing: boolean;
  /** What a receiver applies to failing mail: `requested`, one step weaker under `t=y`. */
  effective: DmarcPolicy;
}

/** The DMARC record that applies, as discovery found it. */
export interface DmarcRecordFound {
  /** The domain whose `_dmarc` record applies. */
  domain: string;
  /** `_dmarc.<domain>`. */
  name: string;
  text: string;
  source: DmarcPolicySource;
  psd: DmarcPsd;
  aspf: DmarcAlignment;
  adkim: DmarcAlignment;
}

/** What the pure DMARC evaluation concludes (see `dmarcOutcome`). */
export interface DmarcOutcome {
  result: DmarcResult;
  /**
   * The identifiers that passed and align with From. With a record this is what made it
   * `pass`; with no record (`none`) it is what would make it pass once one is published.
   */
  passedBy: Array<'spf' | 'dkim'>;
  /** How SPF's domain and each DKIM `d=` (in input order) compare with the From domain. */
  alignment: { spf: Alignment; dkim: Alignment[] };
  /** The record that applies; undefined for `none` (and for a `temperror` of discovery). */
  record?: DmarcRecordFound;
  /** The policy for failing mail; undefined without a record. */
  policy?: AppliedPolicy;
  /**
   * What a receiver does with this mail by DMARC: `deliver` when it passes, when no record
   * applies or when the effective policy is `none`; `unknown` for a temperror.
   */
  disposition: 'deliver' | 'quarantine' | 'reject' | 'unknown';
  /** Why the outcome is what it is, beyond the result (see `DmarcNote`). */
  notes: DmarcNote[];
}

/** Facts worth saying beside the result. */
export type DmarcNote =
  /** The applying record does not parse: receivers ignore it (result `none`). */
  | { code: 'record-invalid'; name: string }
  /** Several DMARC records at a name: all discarded (RFC 9989 §4.10 step 2). */
  | { code: 'multiple-records'; name: string }
  /** The record still has `pct`/`rf`/`ri`, which RFC 9989 removed: ignored. */
  | { code: 'removed-tags'; tags: Array<'pct' | 'rf' | 'ri'> }
  /** Whether the From domain exists could not be found out (DNS failure): `sp` assumed over `np`. */
  | { code: 'existence-unknown'; domain: string }
  /** A DNS failure during discovery or the Organizational Domain walk. */
  | { code: 'dns-failure'; name: string };

/**
 * RFC 7489's reading, given beside the RFC 9989 answer only where it differs: the Public
 * Suffix List organisational domain (§3.2), `pct` sampling (§6.6.4), no `np` and no `t`.
 */
export interface Rfc7489Reading {
  /** The From domain's organisational domain by the Public Suffix List. */
  organizationalDomain: string;
  result: DmarcResult;
  /** The policy RFC 7489 applies to failing mail (`p` or `sp`), and `pct`. */
  policy?: { tag: 'p' | 'sp'; requested: DmarcPolicy; percent: number };
  /** What differs: the organisational domain, the record, the alignment/result, `pct`, `np`, `t`. */
  differences: Array<'organizational-domain' | 'record' | 'result' | 'pct' | 'np' | 't'>;
}

/** A DNS record to publish (or change to), exactly as a zone file would hold it. */
export interface RecordToPublish {
  name: string;
  type: 'TXT' | 'CNAME';
  value: string;
  /** `replace`: the name has a record of this kind that this one replaces. */
  action: 'add' | 'replace';
}

/**
 * A change that makes the mail pass (or keeps it passing), as data; the words are
 * `verdict.fix.<code>` in src/i18n. `params` carries the names the sentence uses.
 */
export type VerdictFix =
  /** SPF does not pass for the envelope domain: authorise the sending IP / provider there. */
  | { code: 'spf-authorise'; domain: string; ip: string; mechanism: string; records: RecordToPublish[] }
  /** SPF passes but for a domain not aligned with From: use a bounce domain under From's organisation. */
  | { code: 'spf-align'; domain: string; fromDomain: string; suggestedDomain: string; records: RecordToPublish[] }
  /** A selector has no usable key: publish it (the catalogue's CNAME, or the provider's key). */
  | { code: 'dkim-publish'; selector: string; domain: string; name: string; key: DkimKeyState; records: RecordToPublish[] }
  /** Signatures are made with a `d=` not aligned with From: sign as the From domain. */
  | { code: 'dkim-align'; selector: string; domain: string; fromDomain: string; records: RecordToPublish[] }
  /** Nothing aligned passes and no DKIM key is known: sign with a key at the From domain. */
  | { code: 'dkim-add'; fromDomain: string; records: RecordToPublish[] }
  /** No DMARC record applies: publish one (starting with `p=none`). */
  | { code: 'dmarc-publish'; domain: string; records: RecordToPublish[] }
  /** A DNS failure left part of the answer unknown: check the name servers, then ask again. */
  | { code: 'dns-retry'; names: string[]; records: RecordToPublish[] };

/** Every fix code. */
export type VerdictFixCode = VerdictFix['code'];

/**
 * The prediction: per authentication method what a receiver finds, the DMARC result and the
 * policy that applies, what to change, and RFC 7489's reading where it differs.
 *
 * @example
 * const p = await predictDelivery(input, { resolver });
 * p.dmarc.result;          // 'fail'
 * p.spf.alignment.state;   // 'not-aligned' (bounce domain of the provider)
 * p.fixes.map((f) => f.code); // ['dkim-publish', …]
 */
export interface DeliveryPrediction {
  /** The input, normalised (lower case, A-labels; `fromDomain` without local part). */
  input: Required<Omit<VerdictInput, 'provider'>> & { provider?: string };
  from: { domain: string; organizationalDomain: string | undefined; exists: boolean | 'unknown' };
  spf: SpfVerdict;
  dkim: DkimVerdict[];
  dmarc: DmarcOutcome;
  fixes: VerdictFix[];
  rfc7489?: Rfc7489Reading;
}
