/**
 * The receivers' published sender requirements as a checklist beside a delivery prediction
 * (issue 13.2): Gmail's and Yahoo's sender requirements (all senders / bulk senders), Outlook.com's
 * for high-volume senders, and Microsoft 365 treating SPF `fail` as `softfail` (seed 003). The
 * rules are data (data/receivers.json, schema data/receivers.schema.json; docs/receivers.md
 * lists each with its source); this module knows only the closed set of check kinds. A rule
 * that needs the message itself (TLS, RFC 5322 format, one-click unsubscribe, spam rate) is
 * `not-checkable` here; the PTR / forward-confirmed reverse DNS of the sending IP is asked of DNS.
 */
import { isTemporaryFailure, type Resolver } from '../dns/resolver.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import { addressMatches, parseClientIp, reverseName } from '../spf/ip.ts';
import type { DeliveryPrediction } from './types.ts';

/** What a rule checks (data/receivers.schema.json `check`). */
export const REQUIREMENT_CHECKS = Object.freeze([
  'spf-or-dkim-pass',
  'spf-pass',
  'dkim-pass',
  'spf-and-dkim-pass',
  'dmarc-record',
  'dmarc-aligned',
  'ptr-fcrdns',
  'spf-fail-treated-as-softfail',
  'tls',
  'rfc5322-format',
  'spam-rate',
  'one-click-unsubscribe',
] as const);
export type RequirementCheck = (typeof REQUIREMENT_CHECKS)[number];

/** One rule of data/receivers.json. */
export interface ReceiverRule {
  id: string;
  receiver: 'gmail' | 'yahoo' | 'outlook-com' | 'microsoft-365';
  /** `bulk`: senders of more than 5 000 messages a day to the receiver. */
  audience: 'all' | 'bulk';
  check: RequirementCheck;
  source: { url: string; date: string };
}

/** The rule file's shape (data/receivers.schema.json). */
export interface ReceiverRules {
  version: 1;
  rules: ReceiverRule[];
}

/**
 * `met` / `not-met`; `unknown` when a DNS failure hid the answer (never "not met");
 * `not-checkable` when it needs the message; `applies` for a receiver behaviour that applies
 * to this setup (M365 and an SPF fail), `not-applicable` when it does not.
 */
export type RequirementStatus = 'met' | 'not-met' | 'unknown' | 'not-checkable' | 'applies' | 'not-applicable';

/** One rule checked. The words are `verdict.requirements.check.<check>` / `verdict.requirements.status.<status>` in src/i18n. */
export interface RequirementResult extends ReceiverRule {
  status: RequirementStatus;
  /** For `ptr-fcrdns`: the PTR names of the sending IP and the ones whose address confirms it. */
  ptr?: { names: string[]; confirmed: string[] };
}

/** What `checkRequirements` needs. */
export interface RequirementDeps {
  resolver: Resolver;
  rules: ReceiverRules;
}

/** The forward-confirmed reverse DNS of an IP (FCrDNS): PTR names, then their A/AAAA. */
async function forwardConfirmed(ip: string, resolver: Resolver): Promise<{ status: RequirementStatus; names: string[]; confirmed: string[] }> {
  const client = parseClientIp(ip);
  if (!client) return { status: 'not-met', names: [], confirmed: [] };
  const answer = await resolver.query(reverseName(client), 'PTR');
  if (isTemporaryFailure(answer)) return { status: 'unknown', names: [], confirmed: [] };
  const names = answer.kind === 'answer' ? answer.records.map((n) => canonicalDomain(n)) : [];
  const confirmed: string[] = [];
  let unknown = false;
  for (const name of names.slice(0, 10)) {
    if (domainProblem(name) !== undefined) continue;
    const forward = await resolver.query(name, client.family === 4 ? 'A' : 'AAAA');
    if (isTemporaryFailure(forward)) unknown = true;
    else if (forward.kind === 'answer' && forward.records.some((a) => addressMatches(client, a, 32, 128))) confirmed.push(name);
  }
  return { status: confirmed.length > 0 ? 'met' : unknown ? 'unknown' : 'not-met', names, confirmed };
}

function passState(result: string): RequirementStatus {
  return result === 'pass' ? 'met' : result === 'temperror' ? 'unknown' : 'not-met';
}

/**
 * Checks every rule against a prediction. Never throws for a DNS outcome.
 *
 * @example
 * const list = await checkRequirements(await predictDelivery(input, deps), { resolver, rules });
 * list.filter((r) => r.status === 'not-met').map((r) => r.id); // ['gmail-bulk-dkim', …]
 */
export async function checkRequirements(outcome: DeliveryPrediction, deps: RequirementDeps): Promise<RequirementResult[]> {
  let ptr: Promise<Awaited<ReturnType<typeof forwardConfirmed>>> | undefined;
  const spf = passState(outcome.spf.result);
  const dkim: RequirementStatus = outcome.dkim.some((d) => d.result === 'pass') ? 'met' : outcome.dkim.some((d) => d.result === 'temperror') ? 'unknown' : 'not-met';
  const either = (a: RequirementStatus, b: RequirementStatus): RequirementStatus => (a === 'met' || b === 'met' ? 'met' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'not-met');
  const both = (a: RequirementStatus, b: RequirementStatus): RequirementStatus => (a === 'not-met' || b === 'not-met' ? 'not-met' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'met');
  const dmarc = outcome.dmarc;
  const results: RequirementResult[] = [];
  for (const rule of deps.rules.rules) {
    let status: RequirementStatus;
    let extra: Pick<RequirementResult, 'ptr'> = {};
    switch (rule.check) {
      case 'spf-or-dkim-pass':
        status = either(spf, dkim);
        break;
      case 'spf-pass':
        status = spf;
        break;
      case 'dkim-pass':
        status = dkim;
        break;
      case 'spf-and-dkim-pass':
        status = both(spf, dkim);
        break;
      case 'dmarc-record':
        // Any valid policy (p=none at least) is enough.
        status = dmarc.result === 'temperror' && dmarc.record === undefined ? 'unknown' : dmarc.record !== undefined ? 'met' : 'not-met';
        break;
      case 'dmarc-aligned':
        // From aligned with a passing SPF or DKIM identifier (with a record or without one).
        status = dmarc.passedBy.length > 0 ? 'met' : dmarc.result === 'temperror' ? 'unknown' : 'not-met';
        break;
      case 'ptr-fcrdns': {
        ptr ??= forwardConfirmed(outcome.input.ip, deps.resolver);
        const found = await ptr;
        status = found.status;
        extra = { ptr: { names: found.names, confirmed: found.confirmed } };
        break;
      }
      case 'spf-fail-treated-as-softfail':
        status = outcome.spf.result === 'fail' ? 'applies' : 'not-applicable';
        break;
      case 'tls':
      case 'rfc5322-format':
      case 'spam-rate':
      case 'one-click-unsubscribe':
        status = 'not-checkable';
        break;
      default: {
        const never: never = rule.check;
        throw new Error(`unknown requirement check ${String(never)}`);
      }
    }
    results.push({ ...rule, status, ...extra });
  }
  return results;
}

/**
 * Takes data/receivers.json as parsed JSON. The schema (data/receivers.schema.json) is the
 * description a validator holds the file to (test/verdict/requirements.test.ts); here only
 * what this code relies on is checked: a known check kind per rule.
 */
export function parseReceiverRules(data: unknown): { ok: true; rules: ReceiverRules } | { ok: false; index: number } {
  const rules = (data as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) return { ok: false, index: -1 };
  const bad = rules.findIndex((r: { check?: unknown }) => !(REQUIREMENT_CHECKS as readonly unknown[]).includes(r?.check));
  return bad === -1 ? { ok: true, rules: data as ReceiverRules } : { ok: false, index: bad };
}
