/**
 * SPF sentences in English: check explanations (`explainCheck`) and the record explainer
 * (`explainRecord`). This file defines the keys of the `spf.` area and their parameters;
 * spf.nl.ts must translate every one (enforced by its `Translation` type).
 *
 * Wording follows what users already know from openspf's "Why?" pages ("has not published
 * an SPF policy", "has declared that it does not send mail through …", "has authorized …").
 */
import { capitalize, code, codeTerm, groupDigits, joinList, plural } from './format.ts';
import type { AreaMessages } from './types.ts';

/**
 * Where a record sits: its domain, and the include/redirect terms that led there from the
 * checked domain's own record (empty for that record itself).
 */
export interface RecordRef {
  domain: string;
  via: readonly string[];
}

/** Lookups counted per include or redirect of the checked record. */
export interface BranchCount {
  term: string;
  count: number;
}

const viaText = (r: RecordRef): string => r.via.map(code).join(' → ');

/** "the SPF record of x" or "the SPF record of x (reached through `include:x`)". */
const recordOf = (r: RecordRef): string =>
  r.via.length === 0 ? `the SPF record of ${r.domain}` : `the SPF record of ${r.domain} (reached through ${viaText(r)})`;

/** "x" or "x (reached through `include:x`)". */
const domainOf = (r: RecordRef): string => (r.via.length === 0 ? r.domain : `${r.domain} (reached through ${viaText(r)})`);

const detailOf = (detail: string | undefined): string => (detail ? `: ${detail}` : '');

/** spfkit's own resolver and how it could not be reached (`ResolverHealth` of src/dns/health.ts). */
export interface ResolverWords {
  servers: readonly string[];
  error: 'refused' | 'no-reply';
  detail?: string;
}

/** spfkit's own resolver and why it could not be reached, as a clause (the audit uses it too). */
export const resolverText = (r: ResolverWords): string => {
  const servers = joinList(r.servers.map(code), 'and');
  const detail = r.detail ? ` (${r.detail})` : '';
  return r.error === 'refused'
    ? `the DNS resolver spfkit uses, ${servers}, refused the connection${detail}: nothing answers DNS there`
    : `the DNS resolver spfkit uses, ${servers}, did not reply${detail}`;
};

const ordinal = (n: number): string => `number ${n}`;

export const spfEn = {
  // ── Headlines: one sentence on the outcome, naming the domain and the client ─────────
  'spf.headline.pass': (p: { domain: string; host: string }) => `${p.domain} has authorised ${p.host} to send mail on its behalf.`,
  'spf.headline.fail': (p: { domain: string; host: string }) =>
    `${p.domain} has declared that it does not send mail through ${p.host}, so receivers may reject the mail.`,
  'spf.headline.softfail': (p: { domain: string; host: string }) =>
    `${p.domain} has not authorised ${p.host}: softfail, the mail may be marked as spam.`,
  'spf.headline.neutral': (p: { domain: string; host: string }) =>
    `${p.domain} says nothing about ${p.host} (neutral): receivers treat the mail as if there were no SPF policy.`,
  'spf.headline.none': (p: { domain: string }) => `${p.domain} has not published an SPF policy.`,
  'spf.headline.invalid-domain': (p: { domain: string }) => `“${p.domain}” is not a usable domain name, so there is no SPF policy to check.`,
  'spf.headline.temperror': (p: { domain: string }) =>
    `The SPF policy of ${p.domain} could not be checked because a DNS lookup failed (temperror).`,
  'spf.headline.permerror': (p: { domain: string }) =>
    `The SPF policy of ${p.domain} cannot be evaluated because of an error in it (permerror).`,
  'spf.headline.resolver-unreachable': (p: { domain: string }) =>
    `The SPF policy of ${p.domain} could not be checked: spfkit's own DNS resolver could not be reached (temperror).`,

  // ── Reasons: which term decided, and why ─────────────────────────────────────────────
  'spf.reason.matched': (p: { record: RecordRef; term: string; ip: string; why?: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} matches ${p.ip}${p.why ? `: ${p.why}` : ''}.`,
  'spf.why.a': (p: { target: string; widened: boolean }) =>
    p.widened ? `it is in the same network as an address of ${p.target}` : `${p.target} has that address`,
  'spf.why.mx': (p: { target: string; widened: boolean }) =>
    p.widened ? `it is in the same network as a mail server (MX) of ${p.target}` : `it is an address of a mail server (MX) of ${p.target}`,
  'spf.why.ptr': (p: { target: string }) => `its confirmed reverse-DNS name ends in ${p.target}`,
  'spf.why.exists': (p: { target: string }) => `the name ${p.target} exists`,
  'spf.reason.all-pass': (p: { record: RecordRef; term: string; ip: string }) =>
    `${capitalize(recordOf(p.record))} ends in ${codeTerm(p.term)}, which authorises every server on the internet, ${p.ip} too.`,
  'spf.reason.all-fail': (p: { record: RecordRef; term: string; ip: string }) =>
    `${capitalize(recordOf(p.record))} does not list ${p.ip} and ends in ${codeTerm(p.term)}: every server it does not list is refused.`,
  'spf.reason.all-softfail': (p: { record: RecordRef; term: string; ip: string }) =>
    `${capitalize(recordOf(p.record))} does not list ${p.ip} and ends in ${codeTerm(p.term)}: servers it does not list are not authorised, but receivers should still accept their mail (often into the spam folder).`,
  'spf.reason.all-neutral': (p: { record: RecordRef; term: string; ip: string }) =>
    `${capitalize(recordOf(p.record))} does not list ${p.ip} and ends in ${codeTerm(p.term)}: it says nothing about servers it does not list.`,
  'spf.reason.no-match': (p: { record: RecordRef; ip: string }) =>
    `No term of ${recordOf(p.record)} matches ${p.ip}, and the record has no ${code('all')}: it does not say anything about servers it does not list (RFC 7208 §4.7).`,
  'spf.reason.no-record-nxdomain': (p: { domain: string }) =>
    `The domain ${p.domain} does not exist in DNS (NXDOMAIN); many receivers reject mail from a domain that does not exist.`,
  'spf.reason.no-record-nodata': (p: { domain: string }) =>
    `${p.domain} has no TXT records; receivers decide on other grounds (the mail is usually delivered).`,
  'spf.reason.no-record-no-spf': (p: { domain: string }) =>
    `None of the TXT records of ${p.domain} starts with ${code('v=spf1')}; receivers decide on other grounds (the mail is usually delivered).`,
  'spf.reason.invalid-domain': (p: { domain: string; problem: string }) =>
    `“${p.domain}”: ${p.problem}. SPF checks only fully qualified domain names (RFC 7208 §4.3).`,
  'spf.reason.dns-timeout': (p: { record: RecordRef; name: string; type: string; detail?: string }) =>
    `The ${p.type} lookup of ${p.name}, needed for ${recordOf(p.record)}, got no answer in time (timeout${detailOf(p.detail)}).`,
  'spf.reason.dns-refused': (p: { record: RecordRef; name: string; type: string; detail?: string }) =>
    `The ${p.type} lookup of ${p.name}, needed for ${recordOf(p.record)}, could not be made: the connection to the DNS server was refused${detailOf(p.detail)} (nothing answers DNS at that address; this is not a timeout).`,
  'spf.reason.resolver-unreachable': (p: { resolver: ResolverWords; domain: string }) =>
    `${capitalize(resolverText(p.resolver))}, so no lookup could be made at all. This says nothing about the DNS of ${p.domain}.`,
  'spf.resolver.unreachable': (p: ResolverWords) => resolverText(p),
  'spf.reason.dns-budget': (p: { record: RecordRef; name: string; type: string; limit: number }) =>
    `This checker stopped at the ${p.type} lookup of ${p.name}, needed for ${recordOf(p.record)}: the check needed more than the ${p.limit} DNS queries this server allows one request. That is the server's limit, not a failure of the domain's DNS.`,
  'spf.reason.dns-servfail': (p: { record: RecordRef; name: string; type: string; detail?: string }) =>
    `The ${p.type} lookup of ${p.name}, needed for ${recordOf(p.record)}, failed: the DNS server answered with an error (SERVFAIL${detailOf(p.detail)}).`,
  'spf.reason.multiple-records': (p: { record: RecordRef; count: number }) =>
    `${domainOf(p.record)} publishes ${p.count} SPF records (TXT records that start with ${code('v=spf1')}); there must be exactly one (RFC 7208 §4.5).`,
  'spf.reason.syntax': (p: { record: RecordRef; column: number; problem: string; more: number }) =>
    `${capitalize(recordOf(p.record))} has a syntax error at column ${p.column}: ${p.problem}${p.more > 0 ? ` (and ${plural(p.more, 'more problem', 'more problems')})` : ''}.`,
  'spf.reason.lookup-limit': (p: { domain: string; record: RecordRef; term: string; count: number; limit: number }) =>
    `Checking ${p.domain} needs more than ${p.limit} DNS lookups: ${codeTerm(p.term)} in ${recordOf(p.record)} was lookup ${ordinal(p.count)} (RFC 7208 §4.6.4).`,
  'spf.reason.void-limit': (p: { record: RecordRef; term: string; limit: number; names: readonly string[] }) =>
    `More than ${p.limit} DNS lookups found nothing (no such name, or no records)${p.names.length > 0 ? `: ${p.names.join(', ')}` : ''}. The last was for ${codeTerm(p.term)} in ${recordOf(p.record)} (RFC 7208 §4.6.4).`,
  'spf.reason.mx-limit': (p: { record: RecordRef; term: string; target: string; count: number; limit: number }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} finds ${p.count} mail servers (MX) at ${p.target}, more than the ${p.limit} allowed (RFC 7208 §4.6.4).`,
  'spf.reason.include-none': (p: { record: RecordRef; term: string; target: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} points at ${p.target}, which has not published an SPF policy; including a domain without one is an error (RFC 7208 §5.2).`,
  'spf.reason.redirect-none': (p: { record: RecordRef; term: string; target: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} hands over to ${p.target}, which has not published an SPF policy (RFC 7208 §6.1).`,
  'spf.reason.invalid-target': (p: { record: RecordRef; term: string; target: string; problem: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} leads to “${p.target}”, which is not a usable domain name: ${p.problem} (RFC 7208 §4.8).`,
  'spf.reason.macro-too-long': (p: { record: RecordRef; term: string; limit: number }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} expands to more than ${groupDigits(p.limit, ',')} characters.`,

  // ── Notes added to a reason ──────────────────────────────────────────────────────────
  'spf.note.include-no-match': (p: { term: string; target: string; ip: string; result: string; decidedBy?: string }) =>
    `${codeTerm(p.term)} did not match: the record of ${p.target} gives ${p.result}${p.decidedBy ? ` (${codeTerm(p.decidedBy)})` : ''} for ${p.ip}, and inside an include only pass counts as a match (RFC 7208 §5.2).`,
  'spf.note.qualified-include': (p: { term: string; result: string }) => `The qualifier of ${codeTerm(p.term)} turns that match into ${p.result}.`,
  'spf.note.exp': (p: { domain: string; text: string }) => `The explanation published by ${p.domain} (exp=): “${p.text}”`,
  'spf.note.override': (p: { domains: readonly string[] }) =>
    `This check used the candidate record for ${joinList(p.domains, 'and')}, not the published one.`,

  // ── Advice: what to do ───────────────────────────────────────────────────────────────
  'spf.advice.authorise': (p: { domain: string; ipTerm: string; aTerm?: string; before?: string }) =>
    `To authorise this server, add ${joinList([`your mail provider's ${code('include:…')}`, code(p.ipTerm), ...(p.aTerm ? [code(p.aTerm)] : [])], 'or')} to the SPF record of ${p.domain}${p.before ? `, before ${code(p.before)}` : ''}.`,
  'spf.advice.no-all': (p: { domain: string }) =>
    `End the SPF record of ${p.domain} with ${code('~all')} or ${code('-all')} to say what happens to servers it does not list.`,
  'spf.advice.plus-all': (p: { domain: string; term: string }) =>
    `Replace ${codeTerm(p.term)} with ${code('~all')} or ${code('-all')}: now anyone can send mail as ${p.domain}.`,
  'spf.advice.ptr': (p: { term: string }) =>
    `${codeTerm(p.term)} uses ${code('ptr')}, which is deprecated (RFC 7208 §5.5): it is slow and unreliable; list the server with ${code('ip4:')}, ${code('ip6:')} or ${code('a:')} instead.`,
  'spf.advice.publish': (p: { domain: string; example: string }) =>
    `To protect ${p.domain}, publish a TXT record such as ${code(p.example)} that lists every server that sends its mail.`,
  'spf.advice.invalid-domain': () => `Check the sender address (MAIL FROM) or the HELO name the server uses.`,
  'spf.advice.dns-budget': () =>
    `A receiver has no such limit and decides by RFC 7208 alone: check with ${code('spfkit check')}, or make the record cheaper to evaluate (fewer mx terms, fewer exchanges).`,
  'spf.advice.temperror': (p: { name: string }) =>
    `Receivers usually defer the mail and try again later. If it keeps happening, check the DNS servers that answer for ${p.name}.`,
  'spf.advice.resolver-unreachable': () =>
    `Nothing needs to change at the domain: whoever runs this spfkit should check that its DNS resolver (${code('--dns')}, ${code('DNS_SERVERS')} or /etc/resolv.conf) is running and reachable, then check again.`,
  'spf.advice.multiple-records': (p: { domain: string }) =>
    `Merge them into one TXT record at ${p.domain}: one ${code('v=spf1')}, every mechanism once, and a single ${code('all')} at the end.`,
  'spf.advice.syntax': (p: { domain: string }) =>
    `Correct the SPF record of ${p.domain}; until then, receivers may reject its mail or ignore its SPF policy.`,
  'spf.advice.lookup-limit': (p: { limit: number; branches: readonly BranchCount[] }) =>
    `Bring it down to ${p.limit} or fewer: replace ${code('a')} and ${code('mx')} with ${code('ip4:')}/${code('ip6:')}, and remove includes that are no longer used.${p.branches.length > 0 ? ` Lookups per include (until the check stopped): ${p.branches.map((b) => `${code(b.term)} ${b.count}`).join(', ')}.` : ''}`,
  'spf.advice.void-limit': () => `Remove or correct the terms that point at names without records.`,
  'spf.advice.mx-limit': (p: { term: string }) => `Replace ${codeTerm(p.term)} with ${code('ip4:')}/${code('ip6:')} ranges or the include of the mail provider.`,
  'spf.advice.include-none': (p: { term: string; target: string }) =>
    `Check the spelling of ${p.target}, or remove ${codeTerm(p.term)} if that service is no longer used.`,
  'spf.advice.redirect-none': (p: { term: string; target: string }) => `Publish an SPF record at ${p.target}, or correct ${codeTerm(p.term)}.`,
  'spf.advice.invalid-target': (p: { term: string }) => `Check the macros and the domain in ${codeTerm(p.term)}.`,
  'spf.advice.macro-too-long': (p: { term: string }) => `Shorten the macros in ${codeTerm(p.term)}.`,

  // ── Why a name is not a usable domain (DomainProblem), as a noun phrase ──────────────
  'spf.domain.empty': () => `an empty name`,
  'spf.domain.empty-label': () => `an empty label (two dots in a row, or a leading dot)`,
  'spf.domain.label-too-long': () => `a label longer than 63 characters`,
  'spf.domain.too-long': () => `a name longer than 253 characters`,
  'spf.domain.single-label': () => `only one label (a domain name like example.com has at least two)`,
  'spf.domain.bad-idn': () => `a label that has no valid international (IDNA) form, such as an invisible or direction-changing character or a broken xn-- label`,
  'spf.domain.bad-character': () => `a control character in the name`,
  'spf.domain.address-literal': () => `an address literal such as [192.0.2.1] instead of a domain name`,

  // ── Check input that cannot be checked at all ────────────────────────────────────────────
  'spf.input.bad-ip': (p: { value: string }) => `"${p.value}" is not an IPv4 or IPv6 address`,
  'spf.input.sender-without-domain': (p: { value: string }) => `sender "${p.value}" has no domain; use an address like info@example.com`,
  'spf.input.missing-helo': () => `the sender is empty (null reverse-path), so a HELO name is needed`,
  'spf.input.field': (p: { name: string; problem: string }) => `field "${p.name}": ${p.problem}`,
  'spf.input.not-spf': (p: { name: string }) => `field "${p.name}" is not an SPF record: it must start with "v=spf1"`,
  'spf.input.not-spf-or-empty': (p: { name: string }) => `field "${p.name}" is not an SPF record: it must start with "v=spf1" ("" stands for no record)`,

  // ── Record syntax problems (ParseIssueCode) ──────────────────────────────────────────
  'spf.issue.missing-version': () => `the record does not start with ${code('v=spf1')}`,
  'spf.issue.wrong-version': (p: { token: string }) => `${codeTerm(p.token)} is not ${code('v=spf1')}`,
  'spf.issue.unknown-mechanism': (p: { token: string }) =>
    `${codeTerm(p.token)} is not a mechanism or modifier (known: a, mx, ip4, ip6, include, exists, ptr, all, redirect=, exp=)`,
  'spf.did-you-mean': (p: { term: string }) => `probably ${codeTerm(p.term)} was meant`,
  'spf.issue.bad-cidr': (p: { token: string }) => `${codeTerm(p.token)} is not a valid prefix length (IPv4 /0 to /32, IPv6 /0 to /128 — in ${code('a')} and ${code('mx')} the IPv6 length comes after a second slash, as in ${code('a/24//64')}; no leading zeros)`,
  'spf.issue.bad-address': (p: { token: string }) => `${codeTerm(p.token)} is not a valid IP address`,
  'spf.issue.duplicate-modifier': (p: { token: string }) => `${code(p.token + '=')} appears more than once`,
  'spf.issue.bad-macro': (p: { token: string }) => `${codeTerm(p.token)} is not a valid macro (RFC 7208 §7.1)`,
  'spf.issue.illegal-character': (p: { token: string }) => `the character ${p.token} is not allowed in a record`,
  'spf.issue.bad-domain-spec': (p: { token: string }) =>
    p.token === '' ? `the domain name is missing` : `${codeTerm(p.token)} is not a valid domain name (it must end in a top-level label such as .com, or a macro)`,
  'spf.issue.missing-argument': (p: { token: string }) => `${codeTerm(p.token)} needs a value after the colon, e.g. ${code('include:example.com')}`,
  'spf.issue.unexpected-argument': (p: { token: string }) => `${codeTerm(p.token)}: this mechanism takes no value`,
  'spf.issue.bad-modifier-name': (p: { token: string }) => `${codeTerm(p.token)} is not a valid modifier (a modifier has no qualifier and starts with a letter)`,
  'spf.issue.empty-term': () => `empty term`,

  // ── Problems met along a check that did not decide it (SpfProblem) ─────────────────
  'spf.problem.target-unusable': (p: { target: string; problem: string }) => `${codeTerm(p.target)} is not a usable domain name (${p.problem}); the mechanism does not match`,
  'spf.problem.macro-truncated': (p: { spec: string; length: number; name: string }) =>
    `${codeTerm(p.spec)} expanded to ${p.length} characters; truncated to ${codeTerm(p.name)} (RFC 7208 §7.3)`,
  'spf.problem.ptr-limit': (p: { ip: string; count: number; limit: number }) => `${p.count} PTR names for ${p.ip}; only the first ${p.limit} are used (RFC 7208 §4.6.4)`,
  'spf.problem.exp-not-expanded': (p: { target: string }) => `${codeTerm('exp=' + p.target)} could not be expanded, so there is no explanation`,
  'spf.problem.exp-bad-target': (p: { target: string }) => `the exp= target ${codeTerm(p.target)} is not a usable domain name, so there is no explanation`,
  'spf.problem.exp-no-txt': (p: { target: string; answer: string }) => `no explanation TXT record at ${codeTerm(p.target)} (${p.answer})`,
  'spf.problem.exp-expansion-failed': (p: { target: string; cause: string }) => `the explanation at ${codeTerm(p.target)} could not be expanded (${p.cause})`,
  'spf.problem.exp-too-long': (p: { target: string; limit: number }) => `the explanation at ${codeTerm(p.target)} expands beyond ${p.limit} characters`,
  'spf.problem.exp-multiple': (p: { target: string; count: number }) => `${p.count} TXT records at ${codeTerm(p.target)}; an explanation needs exactly one`,
  'spf.problem.exp-syntax': (p: { target: string; problem: string }) => `the explanation at ${codeTerm(p.target)} is not a valid explain-string: ${p.problem}`,

  // ── Record explainer: terms, qualifiers, lookups ─────────────────────────────────────
  'spf.qualifier.pass': () => `pass, the mail is accepted`,
  'spf.qualifier.fail': () => `fail, the mail is refused`,
  'spf.qualifier.softfail': () => `softfail, the mail is accepted but may be marked as spam`,
  'spf.qualifier.neutral': () => `neutral, no statement: the mail is treated as if there were no SPF policy`,
  'spf.term.directive': (p: { what: string; outcome: string }) => `${capitalize(p.what)}: ${p.outcome}.`,
  'spf.term.version': () => `SPF version 1: marks this TXT record as an SPF record.`,
  'spf.term.all': () => `every server not matched by an earlier term`,
  'spf.term.include': (p: { target: string }) => `servers that the SPF record of ${p.target} authorises (only a pass there counts)`,
  'spf.term.a': (p: { target?: string; cidr?: string }) =>
    `servers at the addresses (A/AAAA) of ${p.target ?? 'the domain itself'}${p.cidr ? `, widened to ${p.cidr} networks` : ''}`,
  'spf.term.mx': (p: { target?: string; cidr?: string }) =>
    `the mail servers (MX) of ${p.target ?? 'the domain itself'}${p.cidr ? `, widened to ${p.cidr} networks` : ''}`,
  'spf.term.ptr': (p: { target?: string }) => `servers whose confirmed reverse-DNS name ends in ${p.target ?? 'the domain itself'}`,
  'spf.term.ip4': (p: { address: string; prefix?: number }) =>
    p.prefix === undefined || p.prefix === 32
      ? `the server with address ${p.address}`
      : `the ${groupDigits(2 ** (32 - p.prefix), ',')} addresses of ${p.address}/${p.prefix}`,
  'spf.term.ip6': (p: { address: string; prefix?: number }) =>
    p.prefix === undefined || p.prefix === 128 ? `the server with address ${p.address}` : `the addresses of the network ${p.address}/${p.prefix}`,
  'spf.term.exists': (p: { target: string }) => `any server, when the name ${p.target} exists (has an A record)`,
  'spf.term.redirect': (p: { target: string }) =>
    `When no mechanism matched: use the SPF record of ${p.target} instead (ignored when the record has ${code('all')}).`,
  'spf.term.exp': (p: { target: string }) => `On fail: the explanation for the rejection comes from the TXT record at ${p.target}.`,
  'spf.term.unknown-modifier': (p: { name: string }) => `Unknown modifier ${code(p.name + '=')}: receivers ignore it.`,
  'spf.term.invalid': () => `Not understood: see the problems below.`,
  'spf.term.macros': () => `The name contains macros (%{…}) that are filled in at every check.`,
  'spf.term.ptr-deprecated': () => `${code('ptr')} is deprecated (RFC 7208 §5.5): slow and unreliable; use ${code('ip4:')}, ${code('ip6:')} or ${code('a:')} instead.`,
  'spf.term.plus-all': () => `This lets every server in the world send mail as this domain.`,
  'spf.term.lookups': (p: { count: number }) => (p.count === 0 ? `no DNS lookup` : plural(p.count, 'DNS lookup', 'DNS lookups')),
  'spf.record.lookups': (p: { count: number; limit: number }) =>
    `DNS lookups in this record: ${p.count} of ${p.limit}. Every include and redirect adds the lookups of its own record.`,
  'spf.record.over-limit': (p: { count: number; limit: number }) =>
    `${p.count} DNS lookups is more than the ${p.limit} allowed: receivers give permerror (RFC 7208 §4.6.4).`,
  'spf.record.after-all': (p: { terms: readonly string[]; more?: number }) =>
    `Terms after ${code('all')} are never used: ${p.terms.map(code).join(', ')}${p.more ? ` and ${plural(p.more, 'more term', 'more terms')}` : ''}.`,
  'spf.record.redirect-ignored': (p: { term: string }) => `${codeTerm(p.term)} is ignored because the record has ${code('all')} (RFC 7208 §6.1).`,
  'spf.record.no-all': () => `The record has no ${code('all')} and no ${code('redirect=')}: servers it does not list get neutral.`,
  'spf.record.too-long': (p: { bytes: number; limit: number }) =>
    `Cannot be published like this: the record is ${p.bytes} bytes, over the ${p.limit} that fit one DNS answer over UDP (RFC 7208 §3.4), so receivers that do not retry over TCP never see it. Move address ranges into an include (${code('spfkit add')} proposes sub-records) or remove terms.`,
  'spf.record.strings': (p: { bytes: number; count: number; limit: number }) =>
    `The record is ${p.bytes} bytes and a TXT string holds at most ${p.limit} (RFC 1035 §3.3): it has to be split into ${p.count} strings of one TXT record, ${code('"v=spf1 …" "… -all"')}.`,
  'spf.record.ok': () => `No syntax problems.`,
  'spf.record.issues': (p: { count: number }) => plural(p.count, 'syntax problem', 'syntax problems') + ':',
  'spf.record.issue-at': (p: { column: number; problem: string }) => `Column ${p.column}: ${p.problem}.`,
  'spf.record.more-terms': (p: { count: number }) => `… and ${plural(p.count, 'more term', 'more terms')}, not explained one by one.`,
  'spf.record.more-issues': (p: { count: number }) => `… and ${plural(p.count, 'more problem', 'more problems')}, not shown: fix these first.`,
} satisfies AreaMessages<'spf'>;
