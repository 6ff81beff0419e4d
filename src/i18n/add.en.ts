/**
 * The words of a plan for adding a sending service to an SPF record (`addSender` in
 * src/record/add.ts, worded by src/record/words.ts) in English: its reasons, warnings and
 * blocking issues. Shared by `spfkit add` and `POST /api/add`.
 *
 * Nested phrases (a parse problem, why a range is not static) come in rendered, as text.
 */
import type { AreaMessages } from './types.ts';

const isAre = (n: number): string => (n === 1 ? 'is' : 'are');

export const addEn = {
  // ── Reasons: why the plan looks the way it does ──────────────────────────────────────
  'add.reason.created-softfail': () =>
    'There was no SPF record, so a new one is created ending in ~all: softfail does not reject mail while you check that every sender is listed. Move to -all once they all are.',
  'add.reason.all-kept': (p: { qualifier: string }) => `The record's own "${p.qualifier}all" is kept: it is your policy for everybody not listed.`,
  'add.reason.softfail-all-added': () =>
    'The record had no "all" and no redirect, so unlisted senders got "neutral", which tells receivers nothing. ~all is added (softfail: marked, not rejected). You can choose to leave it out.',
  'add.reason.no-all-kept': () => 'The record has no "all" and no redirect and is kept that way, as asked: unlisted senders stay "neutral".',
  'add.reason.redirect-kept': (p: { target: string }) =>
    `The redirect to ${p.target} decides for everything not listed; the new sender goes before it and no "all" is added (it would switch the redirect off).`,
  'add.reason.inserted.end': () => 'The sender is added after the last mechanism.',
  'add.reason.inserted.all': () => 'The sender is added just before "all", so it is evaluated before that decides.',
  'add.reason.inserted.redirect': () => 'The sender is added just before "redirect", so it is evaluated before that decides.',
  'add.reason.duplicate': (p: { term: string }) => `${p.term} is already in the record: nothing to add.`,
  'add.reason.inside-range': (p: { range: string; term: string }) => `${p.range} lies inside ${p.term}, which is already in the record: nothing to add.`,
  'add.reason.covered': (p: { ips: string[]; term: string }) => `The record already passes ${p.ips.join(', ')} through ${p.term}: nothing to add.`,
  'add.reason.test-ips-given': (p: { ips: string[] }) => `Tested with ${p.ips.join(', ')}.`,
  'add.reason.test-ips-derived': (p: { from: string; ips: string[] }) =>
    `No test address given; tested with addresses from the ${p.from} mechanism's ranges: ${p.ips.join(', ')}.`,
  'add.reason.flattened': (p: { includes: string[]; lookupsBefore: number; lookupsAfter: number }) =>
    `The record needed ${p.lookupsBefore} DNS lookups (limit 10), so ${p.includes.join(', ')} ${isAre(p.includes.length)} replaced by the addresses ${p.includes.length === 1 ? 'it authorises' : 'they authorise'}: now ${p.lookupsAfter}.`,
  'add.reason.strings-split': (p: { count: number }) => `The record is longer than 255 bytes, so it is published as ${p.count} strings of one TXT record.`,
  'add.reason.sub-records': (p: { moved: number; names: string[] }) =>
    `The record was longer than 450 bytes, so ${p.moved} address ranges move to ${p.names.join(', ')}, included from the main record.`,

  // ── Warnings: things to know; none stops the plan ────────────────────────────────────
  'add.warning.no-test-ips': (p: { mechanism: string; problem?: string }) =>
    `No address to test ${p.mechanism} with${p.problem ? ` (${p.problem})` : ''}; give one with --test-ip.`,
  'add.warning.covered-by-static-range': (p: { term: string }) =>
    `The service is covered by the fixed range ${p.term}, not by its own include: if it changes addresses, its mail fails. Consider adding the include anyway.`,
  'add.warning.permissive-all.pass': () => 'The record ends in +all: it authorises every server in the world.',
  'add.warning.permissive-all.neutral': () => 'The record ends in ?all: it says nothing about unlisted servers.',
  'add.warning.no-all': () => 'The record has no "all": unlisted servers get "neutral". Consider ending it with ~all.',
  'add.warning.other-senders-unlisted': () =>
    'The new record lists only this service. Add your own mail servers (e.g. mx) and every other service that sends as this domain before you change ~all to -all.',
  'add.warning.terms-after-all': (p: { terms: string[] }) =>
    `${p.terms.join(' ')} come${p.terms.length === 1 ? 's' : ''} after "all" and ${isAre(p.terms.length)} never evaluated.`,
  'add.warning.redirect-ignored': (p: { target: string }) => `redirect=${p.target} is ignored because the record has "all".`,
  'add.warning.lookups-over-limit-before': (p: { count: number; limit: number }) =>
    `The current record needs ${p.count} DNS lookups, over the limit of ${p.limit}: receivers already get a permerror.`,
  'add.warning.lookups-uncertain': (p: { problems: string[] }) => `The lookup count is not exact: ${p.problems.join('; ')}.`,
  'add.warning.flatten-insufficient': (p: { count: number; limit: number }) =>
    `Even after flattening, the record needs ${p.count} DNS lookups (limit ${p.limit}). Remove senders you no longer use.`,
  'add.warning.flattened-ranges-go-stale': (p: { includes: string[]; ttl?: number }) =>
    `Flattened addresses go stale when a provider changes them: re-check ${p.includes.join(', ')}${p.ttl !== undefined ? ` at least every ${p.ttl} seconds (their TTL)` : ' regularly'} and republish on change.`,
  'add.warning.record-too-long': (p: { bytes: number; limit: number }) =>
    `The record is still ${p.bytes} bytes, over ${p.limit}: some receivers need a TCP retry to read it.`,
  'add.warning.sub-record-name-taken': (p: { name: string }) => `${p.name} already has an SPF record; publishing the sub-record replaces it.`,
  'add.warning.current-policy-error': (p: { result: string; ip: string; cause: string }) => `The current policy gives ${p.result} for ${p.ip} (${p.cause}).`,
  'add.warning.no-domain': (p: { domain: string }) =>
    `No domain given: "a" and "mx" without a name were tested against ${p.domain}, a name that does not exist; give the domain for exact results.`,

  // ── Why a range or lookup count is not what it seems (inside warnings) ────────────────
  'add.problem.per-message': (p: { term: string; domain: string }) => `${p.term} at ${p.domain} depends on the message`,
  'add.problem.pass-all': (p: { term: string; domain: string }) => `${p.domain} passes everybody (${p.term})`,
  'add.problem.order-dependent': (p: { term: string; domain: string }) => `${p.term} at ${p.domain} comes before pass terms`,
  'add.problem.no-record': (p: { domain: string }) => `${p.domain} has no SPF record`,
  'add.problem.multiple-records': (p: { domain: string; count: number }) => `${p.domain} has ${p.count} SPF records`,
  'add.problem.dns-error': (p: { name: string; answer: string }) => `DNS for ${p.name} failed (${p.answer})`,
  'add.problem.syntax': (p: { domain: string }) => `the record of ${p.domain} does not parse`,
  'add.problem.loop': (p: { domain: string }) => `an include loop at ${p.domain}`,
  'add.problem.too-deep': (p: { domain: string }) => `includes nested too deep at ${p.domain}`,
  'add.problem.budget': (p: { domain: string; limit: number }) => `more than ${p.limit} records in the include tree: ${p.domain} and the records after it were not read`,
  'add.problem.mx-limit': (p: { term: string; domain: string; count: number }) => `${p.term} at ${p.domain} has ${p.count} MX names (over 10)`,
  'add.problem.dynamic': (p: { term: string }) => `${p.term} uses macros, so its cost is known only per message`,

  // ── Issues: why no plan can be made ─────────────────────────────────────────────────
  'add.issue.mechanism-syntax': (p: { text: string; problems: string[] }) => `"${p.text}" is not a valid mechanism: ${p.problems.join('; ')}`,
  'add.issue.mechanism-not-one-term': (p: { count: number; text: string }) => `give exactly one mechanism, got ${p.count} in "${p.text}"`,
  'add.issue.mechanism-is-modifier': (p: { text: string }) => `"${p.text}" is a modifier, not a sender`,
  'add.issue.mechanism-is-all': () => '"all" is not a sender: it decides for everybody who is not listed',
  'add.issue.mechanism-not-pass': (p: { text: string; qualifier: string }) =>
    `"${p.text}" has the qualifier "${p.qualifier}", which would not authorise the sender`,
  'add.issue.bad-domain': (p: { domain: string; problem: string }) => `"${p.domain}" is not a usable domain name: ${p.problem}`,
  'add.issue.bad-test-ip': (p: { ip: string }) => `"${p.ip}" is not an IPv4 or IPv6 address`,
  'add.issue.record-syntax.dns': (p: { problems: string[] }) =>
    `the published record does not parse (a permerror for every receiver): ${p.problems.join('; ')}. Fix it first.`,
  'add.issue.record-syntax.given': (p: { problems: string[] }) =>
    `the given record does not parse (a permerror for every receiver): ${p.problems.join('; ')}. Fix it first.`,
  'add.issue.multiple-records': (p: { domain: string; count: number }) =>
    `${p.domain} publishes ${p.count} SPF records; receivers treat that as a permerror (RFC 7208 §4.5). Merge them into one first.`,
  'add.issue.dns-error': (p: { domain: string; answer: string }) => `the SPF record of ${p.domain} could not be fetched (${p.answer}); try again later`,

  // ── Verification: why the planned record did not verify ──────────────────────────────
  'add.verification.test-ip-not-pass': (p: { ip: string; result: string; decidedBy?: string }) =>
    `${p.ip} gets ${p.result}, not pass${p.decidedBy ? ` (decided by ${p.decidedBy}, which comes first)` : ''}`,
  'add.verification.outside-ip-changed': (p: { ip: string; result: string; expected: string }) =>
    `${p.ip} would get ${p.result} instead of ${p.expected}: the new sender authorises more than it should`,
  'add.verification.sample-ip-changed': (p: { ip: string; result: string; expected: string }) =>
    `flattened address ${p.ip} gets ${p.result} instead of ${p.expected}`,
  'add.verification.does-not-parse': (p: { name: string }) => `the record for ${p.name} does not parse`,
  'add.verification.not-verified': (p: { ip: string; name: string; type: string }) =>
    `${p.ip} could not be checked: the ${p.type} lookup of ${p.name} failed (temperror), so the plan is not verified for it`,
  'add.verification.not-verified-budget': (p: { ip: string; name: string; type: string; limit: number }) =>
    `${p.ip} could not be checked: this server's limit of ${p.limit} DNS queries per request stopped it at the ${p.type} lookup of ${p.name} (the server's limit, not the domain's DNS), so the plan is not verified`,
  'add.verification.over-lookup-limit': (p: { count: number; limit: number }) => `the record needs ${p.count} DNS lookups, over the limit of ${p.limit}`,
  'add.verification.void-limit': (p: { ip: string; expected: string; names: readonly string[]; limit: number; term?: string }) =>
    `${p.ip} would get permerror instead of ${p.expected}: more than ${p.limit} DNS lookups find nothing for this address (${p.names.join(', ')})` +
    `${p.term ? `, the last for ${p.term}` : ''} — the void-lookup limit of RFC 7208 §4.6.4`,
} satisfies AreaMessages<'add'>;
