/**
 * The DNS Tree Walk of RFC 9989 §4.10, which replaces RFC 7489's Public Suffix List: ask
 * `_dmarc.<name>` for the name and for its parents, stop at a record that says where the
 * organisation ends (`psd=y` / `psd=n`), and read from the records found the Organizational
 * Domain (§4.10.2) and the record that applies (§4.10.1). DNS comes in through the resolver;
 * every query made is returned as a step, so the walk is its own trace. Where spfkit reads the
 * RFC one way among several: docs/deviations.md ("DMARC tree walk").
 */
import { isTemporaryFailure, type DnsServfail, type DnsTimeout, type Resolver } from '../dns/resolver.ts';
import { toAsciiDomain } from '../psl/domain-name.ts';
import { parseDmarcRecord } from './parse.ts';
import type { DmarcParseResult, DmarcPsd } from './types.ts';

/** RFC 9989 §4.10: the walk makes at most eight queries. */
export const TREE_WALK_MAX_QUERIES = 8;

/** RFC 9989 §4.10 step 5: a name of eight labels or more goes straight to its last seven. */
const TREE_WALK_JUMP_LABELS = 7;

/**
 * RFC 9989 §4.10 step 2: records that do not start with a `v=` tag naming DMARC are
 * discarded. Compared loosely (case, spaces) so that `v=dmarc1` is parsed and reported
 * instead of silently dropped.
 */
const DMARC_START = /^\s*v\s*=\s*dmarc1\s*(;|$)/i;

/**
 * True when a TXT record's text (strings joined) is a DMARC record by §4.10 step 2. The
 * audit uses it for `_report._dmarc` authorisation records too (RFC 9990).
 *
 * @example
 * isDmarcRecordText('v=DMARC1; p=none'); // true
 * isDmarcRecordText('v=spf1 -all'); // false
 */
export function isDmarcRecordText(text: string): boolean {
  return DMARC_START.test(text);
}

/** What one `_dmarc.<name>` query found. */
export type DmarcStepOutcome =
  /** Exactly one DMARC record; `psd` is `u` when the record does not parse. */
  | { kind: 'record'; text: string; parsed: DmarcParseResult; psd: DmarcPsd }
  /** No DMARC record: the name does not exist, has no TXT, or no TXT starting with `v=DMARC1` (`dns: 'answer'`). */
  | { kind: 'none'; dns: 'nxdomain' | 'nodata' | 'answer' }
  /** §4.10 step 2: several DMARC records are all discarded — for the walk, no record. */
  | { kind: 'multiple'; records: string[] }
  /** A timeout or SERVFAIL: nothing is known about this name, and the walk ends. */
  | { kind: 'temporary-failure'; dns: DnsTimeout | DnsServfail };

/** One query of the walk: the domain asked for and `name` = `_dmarc.<domain>`. */
export interface DmarcTreeStep {
  domain: string;
  name: string;
  outcome: DmarcStepOutcome;
}

/**
 * The queries of one walk, in order. `complete`: the walk ran to a `psd` record or to the
 * one-label name. `temporary-failure`: the last step (`failed`) failed and the walk stopped there — no
 * conclusion may be drawn from the steps before it (a record further up may exist).
 */
export type DmarcTreeWalk =
  | { kind: 'complete'; domain: string; steps: DmarcTreeStep[]; stop: 'psd' | 'last-label' }
  | { kind: 'temporary-failure'; domain: string; steps: DmarcTreeStep[]; failed: DmarcTreeStep };

/** A walk that ran to its end. */
export type CompleteTreeWalk = Extract<DmarcTreeWalk, { kind: 'complete' }>;

/**
 * The domains a walk from `domain` asks for, in order, if no step stops it: the domain,
 * then (§4.10 step 5) its last seven labels when it has eight or more, else the domain
 * without its leftmost label; one label removed at a time until one is left (step 8).
 *
 * @example
 * treeWalkDomains('a.mail.example.com'); // ['a.mail.example.com', 'mail.example.com', 'example.com', 'com']
 */
export function treeWalkDomains(domain: string): string[] {
  const labels = toAsciiDomain(domain).split('.');
  if (labels.length === 0 || labels.some((label) => label === '')) return [];
  const domains = [labels.join('.')];
  let count = labels.length;
  while (count > 1) {
    count = count > TREE_WALK_JUMP_LABELS ? TREE_WALK_JUMP_LABELS : count - 1;
    domains.push(labels.slice(labels.length - count).join('.'));
  }
  return domains;
}

async function queryStep(domain: string, resolver: Resolver): Promise<DmarcTreeStep> {
  const name = `_dmarc.${domain}`;
  const answer = await resolver.query(name, 'TXT');
  if (isTemporaryFailure(answer)) return { domain, name, outcome: { kind: 'temporary-failure', dns: answer } };
  if (answer.kind === 'nxdomain' || answer.kind === 'nodata') return { domain, name, outcome: { kind: 'none', dns: answer.kind } };
  // §4.10 step 2 (and RFC 7208-like TXT handling): the strings of one TXT record are joined.
  const records = answer.records.map((strings) => strings.join('')).filter(isDmarcRecordText);
  const [text] = records;
  if (text === undefined) return { domain, name, outcome: { kind: 'none', dns: 'answer' } };
  if (records.length > 1) return { domain, name, outcome: { kind: 'multiple', records } };
  const parsed = parseDmarcRecord(text);
  return { domain, name, outcome: { kind: 'record', text, parsed, psd: parsed.ok ? parsed.record.publicSuffix : 'u' } };
}

/**
 * Walks the DNS tree from `domain` (RFC 9989 §4.10): at most eight queries, one at a time,
 * stopping at a single record with `psd=y` or `psd=n`, at the one-label name, or at a DNS
 * timeout/SERVFAIL (then the walk is a `temporary-failure`, never "no record").
 *
 * @example
 * const walk = await walkDmarcTree('mail.klant.nl', resolver);
 * walk.steps.map((s) => s.name); // ['_dmarc.mail.klant.nl', '_dmarc.klant.nl', '_dmarc.nl']
 */
export async function walkDmarcTree(domain: string, resolver: Resolver): Promise<DmarcTreeWalk> {
  const start = toAsciiDomain(domain);
  const steps: DmarcTreeStep[] = [];
  for (const target of treeWalkDomains(start).slice(0, TREE_WALK_MAX_QUERIES)) {
    const step = await queryStep(target, resolver);
    steps.push(step);
    if (step.outcome.kind === 'temporary-failure') return { kind: 'temporary-failure', domain: start, steps, failed: step };
    // §4.10 steps 2 and 7: "If a single record remains and it contains a psd=n or psd=y tag, stop."
    if (step.outcome.kind === 'record' && step.outcome.psd !== 'u') return { kind: 'complete', domain: start, steps, stop: 'psd' };
  }
  return { kind: 'complete', domain: start, steps, stop: 'last-label' };
}

/** A step that found exactly one record. */
type RecordStep = DmarcTreeStep & { outcome: Extract<DmarcStepOutcome, { kind: 'record' }> };

function isRecordStep(step: DmarcTreeStep): step is RecordStep {
  return step.outcome.kind === 'record';
}

/**
 * The Organizational Domain by RFC 9989 §4.10.2, from a complete walk that started at the
 * domain in question: the first record with `psd=n` is it; a record with `psd=y` (not the
 * starting domain's own) makes it the name one label below that record's, toward the
 * starting domain; else the record with the fewest labels; with no record at all, the
 * starting domain itself.
 *
 * @example
 * // _dmarc.example.com has `v=DMARC1; p=reject`, nothing else:
 * organizationalDomainOf(await walkDmarcTree('a.b.example.com', resolver)); // 'example.com'
 */
export function organizationalDomainOf(walk: CompleteTreeWalk): string {
  const records = walk.steps.filter(isRecordStep);
  const labels = walk.domain.split('.');
  for (const step of records) {
    if (step.outcome.psd === 'n') return step.domain;
    if (step.outcome.psd === 'y' && step.domain !== walk.domain) {
      // "the domain one label below this one in the DNS hierarchy" — a suffix of the start.
      const count = step.domain.split('.').length + 1;
      return labels.slice(labels.length - count).join('.');
    }
  }
  // The steps go from most labels to fewest, so the last record has the fewest labels.
  return records.at(-1)?.domain ?? walk.domain;
}

/** Which record applies (RFC 9989 §4.10.1): the domain's own, its organisation's, or a public suffix's. */
export type DmarcPolicySource = 'author' | 'organizational' | 'public-suffix';

/** The record that applies to the starting domain, and where it came from. */
export interface DmarcPolicyRecord {
  source: DmarcPolicySource;
  step: RecordStep;
}

/**
 * The record that applies to the walk's starting domain (RFC 9989 §4.10.1): its own, else
 * the Organizational Domain's, else the `psd=y` record the walk stopped at; `undefined`
 * when none of those has one. Only records the walk found count (a `psd=y` boundary can
 * name an Organizational Domain the walk skipped over; it then has no record here).
 *
 * @example
 * const walk = await walkDmarcTree('mail.klant.nl', resolver);
 * if (walk.kind === 'complete') applicableRecord(walk, organizationalDomainOf(walk))?.source; // 'organizational'
 */
export function applicableRecord(walk: CompleteTreeWalk, organizationalDomain: string): DmarcPolicyRecord | undefined {
  const records = walk.steps.filter(isRecordStep);
  const own = records.find((step) => step.domain === walk.domain);
  if (own !== undefined) return { source: 'author', step: own };
  const organization = records.find((step) => step.domain === organizationalDomain);
  if (organization !== undefined) return { source: 'organizational', step: organization };
  const suffix = records.find((step) => step.outcome.psd === 'y');
  if (suffix !== undefined) return { source: 'public-suffix', step: suffix };
  return undefined;
}
