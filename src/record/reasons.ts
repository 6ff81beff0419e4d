/**
 * The reasons, warnings and blocking issues of a record-editing plan, as data. Words are
 * made from these by the surface (src/cli/add.ts now, the i18n layer later); nothing here is
 * meant for display.
 */
import type { DomainProblem, ParseIssue, Qualifier, SpfCauseCode } from '../spf/types.ts';
import type { LookupProblem } from './lookups.ts';
import type { StaticProblem } from './ranges.ts';
import type { MechanismIssue } from './terms.ts';

/** Why the plan looks the way it does. */
export type AddReason =
  /**
   * No SPF record: one is created as `v=spf1 <mechanism> ~all`. Softfail (RFC 7208 §2.6.5,
   * §8.5: "should not be rejected on this basis alone") while the domain's other senders are
   * still being found and listed; move to `-all` once they all are.
   */
  | { code: 'created-softfail' }
  /** The record has an `all`; its qualifier is kept: the owner's policy for everything else. */
  | { code: 'all-kept'; qualifier: Qualifier }
  /**
   * Neither `all` nor `redirect`: unmatched mail was neutral by default (§4.7), which tells
   * receivers nothing. `~all` is appended (policy `add-softfail`, the default): the owner is
   * editing the record anyway, and softfail does not reject (§8.5).
   */
  | { code: 'softfail-all-added' }
  /** Neither `all` nor `redirect`, and policy `keep`: unmatched mail stays neutral (§4.7). */
  | { code: 'no-all-kept' }
  /** The redirect decides whatever nothing matched (§6.1); an `all` would disable it, so none is added. */
  | { code: 'redirect-kept'; target: string }
  /** Where the mechanism went (index in the new record's terms). */
  | { code: 'inserted'; before: 'all' | 'redirect' | 'end'; position: number }
  /** The same term is already in the record. */
  | { code: 'duplicate'; term: string }
  /** The ip range to add lies inside an ip range of the record. */
  | { code: 'inside-range'; term: string; range: string }
  /** The record already passes every test address; `term` decided (the first address's). */
  | { code: 'covered'; term: string; ips: string[] }
  | { code: 'test-ips-given'; ips: string[] }
  /** No test addresses were given: taken from the networks the mechanism matches. */
  | { code: 'test-ips-derived'; from: 'ip4' | 'ip6' | 'a' | 'mx' | 'include'; ips: string[] }
  /** Includes were replaced by their ranges to stay within 10 lookups (§4.6.4). */
  | { code: 'flattened'; includes: string[]; lookups: { before: number; after: number } }
  /** The record is split into several TXT strings (RFC 1035 §3.3: ≤ 255 octets each). */
  | { code: 'strings-split'; count: number }
  /** The record was over 450 octets (RFC 7208 §3.4): ranges moved to sub-records. */
  | { code: 'sub-records'; names: string[]; moved: number };

export type AddReasonCode = AddReason['code'];

/** Things the owner should know; none stops the plan. */
export type AddWarning =
  /** No test address given and none could be derived: the sender cannot be verified. */
  | { code: 'no-test-ips'; mechanism: string; problem?: StaticProblem }
  /** An include/a/mx was asked for, but a fixed ip range covers the test addresses: if the provider moves, mail fails. */
  | { code: 'covered-by-static-range'; term: string }
  /** The record passes everybody (`+all`) or says nothing (`?all`) about unlisted senders. */
  | { code: 'permissive-all'; qualifier: '+' | '?' }
  /** The record has neither `all` nor `redirect`; unmatched mail is neutral (§4.7). */
  | { code: 'no-all' }
  /** A new record lists only this sender; the domain's own mail servers and other services must be added before `-all`. */
  | { code: 'other-senders-unlisted' }
  /** Terms after `all` are never evaluated (§5.1). */
  | { code: 'terms-after-all'; terms: string[] }
  /** `redirect=` next to `all` is ignored (§6.1). */
  | { code: 'redirect-ignored'; target: string }
  /** The record before the change was already over the lookup limit (permerror, §4.6.4). */
  | { code: 'lookups-over-limit-before'; count: number; limit: number }
  /** Part of the lookup count is uncertain (macros, unreachable or missing records). */
  | { code: 'lookups-uncertain'; problems: LookupProblem[] }
  /** Flattening every flattenable include was not enough. */
  | { code: 'flatten-insufficient'; lookups: number; limit: number }
  /** Flattened ranges are a snapshot: re-resolve these includes regularly and republish on change. */
  | { code: 'flattened-ranges-go-stale'; includes: string[]; ttl?: number }
  /** Still over 450 octets after moving ranges out (§3.4): some receivers may need TCP. */
  | { code: 'record-too-long'; bytes: number; limit: number }
  /** A proposed sub-record name already holds an SPF record, which would be replaced. */
  | { code: 'sub-record-name-taken'; name: string }
  /** The current policy ends in an error for a test address (so it is not authorised now). */
  | { code: 'current-policy-error'; ip: string; result: 'temperror' | 'permerror'; cause: SpfCauseCode };

export type AddWarningCode = AddWarning['code'];

/** Why no plan can be made (input or record state). */
export type AddIssue =
  | MechanismIssue
  | { code: 'bad-domain'; domain: string; reason: DomainProblem }
  | { code: 'bad-test-ip'; ip: string }
  /** The record to edit does not parse (§4.6: permerror): fix it first. */
  | { code: 'record-syntax'; record: string; source: 'given' | 'dns'; issues: ParseIssue[] }
  /** The domain publishes several SPF records (§4.5: permerror): merge them first. */
  | { code: 'multiple-records'; domain: string; count: number }
  /** The live record could not be fetched (§2.6.6). */
  | { code: 'dns-error'; domain: string; answer: 'timeout' | 'servfail' };

export type AddIssueCode = AddIssue['code'];
