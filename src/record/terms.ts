/**
 * Terms for record editing: the mechanism a user asks to add, checked with the engine's own
 * parser, and the few terms the editor makes itself (ip ranges, includes, `all`). Text is
 * always produced by `renderTerm` / `renderRecord` (src/spf/render.ts).
 */
import { canonicalDomain } from '../spf/domain.ts';
import { parseRecord } from '../spf/parse.ts';
import { renderTerm } from '../spf/render.ts';
import type { MacroString, Mechanism, ParseIssue, Qualifier, Term } from '../spf/types.ts';
import { type Cidr, firstAddress, mechanismCidr } from '../spf/cidr.ts';

/** Why a mechanism text cannot be added. */
export type MechanismIssue =
  /** RFC 7208 §4.6.1 syntax error; `issues` are the parser's. */
  | { code: 'mechanism-syntax'; text: string; issues: ParseIssue[] }
  /** Not exactly one term (empty, or several separated by spaces). */
  | { code: 'mechanism-not-one-term'; text: string; count: number }
  /** A modifier (redirect=, exp=, …) is not a sender to add. */
  | { code: 'mechanism-is-modifier'; text: string }
  /** `all` authorises everybody or nobody; it is not a sender (§5.1). */
  | { code: 'mechanism-is-all'; text: string }
  /** A qualifier other than "+" would not authorise the sender (§4.6.2). */
  | { code: 'mechanism-not-pass'; text: string; qualifier: Qualifier };

/**
 * Parses the one mechanism a user asks to add (`include:spf.coachview.net`, `ip4:82.94.214.5`,
 * `a:smtp1.blueinkt.com`, `mx` …) with the record parser, so the rules are the RFC's.
 *
 * @example
 * const m = parseMechanism('a:smtp1.blueinkt.com');
 * if (m.ok) renderTerm(m.mechanism); // 'a:smtp1.blueinkt.com'
 */
export function parseMechanism(text: string): { ok: true; mechanism: Mechanism } | { ok: false; issue: MechanismIssue } {
  const trimmed = text.trim();
  const parsed = parseRecord(`v=spf1 ${trimmed}`);
  if (!parsed.ok) {
    // Spans point into "v=spf1 <text>"; shift them back onto the user's text.
    const issues = parsed.issues.map((i) => ({ ...i, span: { start: Math.max(0, i.span.start - 7), end: Math.max(0, i.span.end - 7) } }));
    return { ok: false, issue: { code: 'mechanism-syntax', text: trimmed, issues } };
  }
  const terms = parsed.record.terms;
  const term = terms[0];
  if (term === undefined || terms.length !== 1) return { ok: false, issue: { code: 'mechanism-not-one-term', text: trimmed, count: terms.length } };
  switch (term.kind) {
    case 'redirect':
    case 'exp':
    case 'unknown-modifier':
      return { ok: false, issue: { code: 'mechanism-is-modifier', text: trimmed } };
    case 'all':
      return { ok: false, issue: { code: 'mechanism-is-all', text: trimmed } };
    case 'include':
    case 'a':
    case 'mx':
    case 'ptr':
    case 'ip4':
    case 'ip6':
    case 'exists':
      if (term.qualifier !== '+') return { ok: false, issue: { code: 'mechanism-not-pass', text: trimmed, qualifier: term.qualifier } };
      return { ok: true, mechanism: term };
    default: {
      const never: never = term;
      throw new Error(`unhandled term ${String(never)}`);
    }
  }
}

const NO_SPAN = { start: 0, end: 0 };

function literalSpec(domain: string): MacroString {
  return { text: domain, parts: [{ kind: 'literal', text: domain }], hasMacros: false, span: NO_SPAN };
}

/**
 * The domain a mechanism includes — `include:` with a domain without macros — canonical; else
 * undefined. A provider's include target: the record its customers include.
 *
 * @example
 * includeTarget('include:SPF.coachview.net.'); // 'spf.coachview.net'
 * includeTarget('a:smtp1.blueinkt.com');       // undefined
 */
export function includeTarget(text: string): string | undefined {
  const parsed = parseMechanism(text);
  if (!parsed.ok || parsed.mechanism.kind !== 'include' || parsed.mechanism.domainSpec.hasMacros) return undefined;
  return canonicalDomain(parsed.mechanism.domainSpec.text);
}

/**
 * An ip4/ip6 mechanism for a network, with the given qualifier.
 *
 * @example
 * renderTerm(ipTerm(parseCidr('203.0.113.0/24')!, '~')) // '~ip4:203.0.113.0/24'
 */
export function ipTerm(cidr: Cidr, qualifier: Qualifier = '+'): Mechanism {
  const address = firstAddress(cidr);
  const full = cidr.family === 4 ? 32 : 128;
  const prefix = cidr.prefix === full ? undefined : cidr.prefix;
  const explicitQualifier = qualifier !== '+';
  if (cidr.family === 4) return { kind: 'ip4', qualifier, explicitQualifier, address, prefix, value: Number(cidr.start), span: NO_SPAN };
  return { kind: 'ip6', qualifier, explicitQualifier, address, prefix, span: NO_SPAN };
}

/**
 * The network of an ip4/ip6 mechanism (no prefix = one address, RFC 7208 §5.6).
 *
 * @example
 * const m = parseMechanism('ip4:82.94.214.5/24');
 * if (m.ok && m.mechanism.kind === 'ip4') cidrText(termCidr(m.mechanism)!); // '82.94.214.0/24'
 */
export function termCidr(term: Extract<Mechanism, { kind: 'ip4' | 'ip6' }>): Cidr | undefined {
  return mechanismCidr(term);
}

/**
 * `include:<domain>` (a literal domain, no macros).
 *
 * @example
 * renderTerm(includeTerm('_spf.klant.nl')) // 'include:_spf.klant.nl'
 */
export function includeTerm(domain: string): Mechanism {
  return { kind: 'include', qualifier: '+', explicitQualifier: false, domainSpec: literalSpec(domain), span: NO_SPAN };
}

/**
 * `<qualifier>all`.
 *
 * @example
 * renderTerm(allTerm('~')) // '~all'
 */
export function allTerm(qualifier: Qualifier): Mechanism {
  return { kind: 'all', qualifier, explicitQualifier: qualifier !== '+', span: NO_SPAN };
}

/**
 * The key two terms are compared by: the canonical text, with the domain part lower-cased
 * when it has no macros (DNS names compare case-insensitively, RFC 4343; macro letters are
 * case-sensitive, RFC 7208 §7.3).
 *
 * @example
 * termKey(a) === termKey(b) // true for '+include:SPF.Byte.nl' and 'include:spf.byte.nl'
 */
export function termKey(term: Term): string {
  const text = renderTerm(term, { canonical: true });
  switch (term.kind) {
    case 'include':
    case 'exists':
    case 'a':
    case 'mx':
    case 'ptr':
    case 'redirect':
    case 'exp':
      return term.domainSpec === undefined || !term.domainSpec.hasMacros ? text.toLowerCase() : text;
    case 'ip4':
    case 'ip6':
      return text.toLowerCase();
    case 'all':
    case 'unknown-modifier':
      return text;
    default: {
      const never: never = term;
      throw new Error(`unhandled term ${String(never)}`);
    }
  }
}

// The wire size of a record is part of the SPF size rule (src/spf/size.ts).
export { byteLength } from '../spf/size.ts';
