/**
 * Sentences of the delivery prediction ("will it be accepted?", src/verdict) in English:
 * the headline per DMARC result, the SPF and DKIM lines with their alignment, the policy that
 * applies, the notes, every fix, RFC 7489's reading and the input errors. verdict.nl.ts must
 * translate every key.
 */
import { code, joinList } from './format.ts';
import type { AreaMessages } from './types.ts';

const DISPOSITION: Readonly<Record<string, string>> = {
  deliver: 'receivers deliver it anyway (the policy asks for nothing)',
  quarantine: 'receivers are asked to put it in quarantine (the spam folder)',
  reject: 'receivers are asked to refuse it',
  unknown: 'what receivers do is unknown',
};

const ALIGN_MODE: Readonly<Record<string, string>> = { r: 'relaxed', s: 'strict' };

export const verdictEn = {
  'verdict.headline.pass': (p: { domain: string }) => `Mail with From ${p.domain} passes DMARC: receivers accept it on its authentication.`,
  'verdict.headline.fail': (p: { domain: string; policy: string }) =>
    `Mail with From ${p.domain} fails DMARC: neither SPF nor DKIM passes for a domain aligned with ${p.domain}, so ${DISPOSITION[p.policy] ?? p.policy}.`,
  'verdict.headline.none': (p: { domain: string }) => `No DMARC record applies to ${p.domain}: receivers decide themselves, and Gmail, Yahoo and Outlook.com require one from bulk senders.`,
  'verdict.headline.temperror': (p: { domain: string }) => `The DMARC outcome for ${p.domain} is unknown: a DNS query timed out or failed. This is not "no record"; ask again later.`,

  'verdict.spf': (p: { result: string; domain: string; ip: string }) => `SPF: ${code(p.result)} for ${p.domain} (sending IP ${p.ip}).`,
  'verdict.alignment.aligned': (p: { domain: string; fromDomain: string; mode: string; organization: string }) =>
    p.domain === p.fromDomain
      ? `${p.domain} is the From domain: aligned (${ALIGN_MODE[p.mode] ?? p.mode}).`
      : `${p.domain} and ${p.fromDomain} share the organisational domain ${p.organization}: aligned (relaxed).`,
  'verdict.alignment.not-aligned': (p: { domain: string; fromDomain: string; mode: string; organization: string }) =>
    p.mode === 's' ? `${p.domain} is not ${p.fromDomain} itself, and alignment is strict: not aligned.` : `${p.domain} (organisation ${p.organization}) is not in the organisation of ${p.fromDomain}: not aligned.`,
  'verdict.alignment.unknown': (p: { domain: string; fromDomain: string }) => `Whether ${p.domain} aligns with ${p.fromDomain} is unknown: a DNS failure hid its organisational domain.`,

  'verdict.dkim.usable': (p: { selector: string; name: string; target: string; bits: number }) =>
    `DKIM ${code(p.selector)}: a usable key (${p.bits} bits) at ${p.name}${p.target === '' ? '' : ` (CNAME to ${p.target})`}; a signature with it passes.`,
  'verdict.dkim.missing': (p: { selector: string; name: string; target: string }) =>
    p.target === '' ? `DKIM ${code(p.selector)}: no key at ${p.name}; a signature with it fails (permerror).` : `DKIM ${code(p.selector)}: ${p.name} is a CNAME to ${p.target}, which has no key; a signature with it fails (permerror).`,
  'verdict.dkim.revoked': (p: { selector: string; name: string }) => `DKIM ${code(p.selector)}: the key at ${p.name} is revoked (empty ${code('p=')}); a signature with it fails.`,
  'verdict.dkim.unusable': (p: { selector: string; name: string }) => `DKIM ${code(p.selector)}: the record at ${p.name} is not a key verifiers accept (syntax, or an RSA key under 1024 bits); a signature with it fails.`,
  'verdict.dkim.multiple': (p: { selector: string; name: string }) => `DKIM ${code(p.selector)}: ${p.name} has several TXT records; verifiers may pick any of them (RFC 6376 §3.6.2.2).`,
  'verdict.dkim.temperror': (p: { selector: string; name: string }) => `DKIM ${code(p.selector)}: the query for ${p.name} timed out or failed: unknown, not missing.`,
  'verdict.dkim.testing': () => `The key has ${code('t=y')} (testing): receivers may treat the mail as unsigned.`,
  'verdict.dkim.none': () => `DKIM: no signing key given (use --dkim d=<domain>,s=<selector> or --provider).`,

  'verdict.policy': (p: { tag: string; policy: string; name: string }) => `Policy for failing mail: ${code(`${p.tag}=${p.policy}`)} from ${p.name}.`,
  'verdict.policy.testing': (p: { tag: string; policy: string; name: string; value: string }) =>
    `Policy for failing mail: ${code(`${p.tag}=${p.value}`)} from ${p.name}, with ${code('t=y')} (testing), so receivers apply ${code(p.policy)}.`,

  'verdict.note.record-invalid': (p: { name: string }) => `The DMARC record at ${p.name} does not parse: receivers ignore it.`,
  'verdict.note.multiple-records': (p: { name: string }) => `${p.name} has several DMARC records: receivers discard them all (RFC 9989 §4.10).`,
  'verdict.note.removed-tags': (p: { names: string[] }) => `The record still has ${joinList(p.names.map(code), 'and')}, which RFC 9989 removed: ignored by current receivers.`,
  'verdict.note.existence-unknown': (p: { domain: string }) => `Whether ${p.domain} exists could not be found out (DNS failure): ${code('sp')} is assumed rather than ${code('np')}.`,
  'verdict.note.dns-failure': (p: { name: string }) => `The query for ${p.name} timed out or failed.`,

  'verdict.fix.spf-authorise': (p: { domain: string; mechanism: string; ip: string }) =>
    `Authorise the sender in the SPF record of ${p.domain}: add ${code(p.mechanism)}, so that ${p.ip} gets ${code('pass')}.`,
  'verdict.fix.spf-align': (p: { domain: string; fromDomain: string; suggested: string }) =>
    `SPF passes for ${p.domain}, which is not aligned with ${p.fromDomain}. Ask the provider for a bounce (Return-Path) domain under your own, such as ${p.suggested}, or rely on an aligned DKIM signature (forwarding breaks SPF anyway).`,
  'verdict.fix.dkim-publish': (p: { selector: string; name: string }) => `Publish the DKIM key for ${code(p.selector)} at ${p.name}.`,
  'verdict.fix.dkim-align': (p: { selector: string; domain: string; fromDomain: string }) =>
    `The signature with ${code(p.selector)} is made for ${p.domain}, not aligned with ${p.fromDomain}: ask the provider to sign with ${code(`d=${p.fromDomain}`)} (a selector under your domain).`,
  'verdict.fix.dkim-add': (p: { fromDomain: string }) => `Have the mail signed with DKIM for ${p.fromDomain}: ask the provider for its selector records (often CNAMEs) and publish them.`,
  'verdict.fix.dmarc-publish': (p: { domain: string }) => `Publish a DMARC record at ${code('_dmarc.' + p.domain)}; start with ${code('p=none')} and reports, then move to ${code('p=quarantine')} and ${code('p=reject')}.`,
  'verdict.fix.dns-retry': (p: { names: string[] }) => `Check the name servers for ${joinList(p.names, 'and')} (they did not answer), then ask again.`,
  'verdict.fix.records': () => `Records to publish`,

  'verdict.rfc7489': (p: { organization: string; result: string; what: string }) =>
    `Receivers still on RFC 7489 read it differently (${p.what}): organisational domain ${p.organization}, result ${code(p.result)}.`,
  'verdict.rfc7489.organizational-domain': () => `the Public Suffix List instead of the DNS tree walk`,
  'verdict.rfc7489.record': () => `another DMARC record`,
  'verdict.rfc7489.result': () => `another result`,
  'verdict.rfc7489.pct': (p: { percent: number }) => `${code(`pct=${p.percent}`)}: the policy applies to ${p.percent}% of failing mail`,
  'verdict.rfc7489.np': () => `no ${code('np')}: ${code('sp')} applies`,
  'verdict.rfc7489.t': () => `no ${code('t')}: the full policy applies`,

  'verdict.input.bad-ip': (p: { name: string; value: string }) => `${p.name}: ${code(p.value)} is not an IPv4 or IPv6 address.`,
  'verdict.input.bad-domain': (p: { name: string; value: string; problem: string }) => `${p.name}: ${code(p.value)} is not a usable domain name (${p.problem}).`,
  'verdict.input.missing-helo': (p: { name: string }) => `${p.name}: needed when MAIL FROM is empty (the null reverse-path).`,
  'verdict.input.sender-without-domain': (p: { name: string; value: string }) => `${p.name}: ${code(p.value)} has no domain.`,
  'verdict.input.bad-selector': (p: { name: string; value: string }) => `${p.name}: ${code(p.value)} is not a valid DKIM selector (letters, digits and inner hyphens, separated by dots).`,
  'verdict.input.unknown-provider': (p: { name: string; value: string; known: string[] }) => `${p.name}: no provider ${code(p.value)} in the catalogue (known: ${p.known.join(', ')}).`,
  'verdict.input.dkim-format': (p: { value: string }) => `--dkim: ${code(p.value)} is not ${code('d=<domain>,s=<selector>')}.`,
  'verdict.input.required': (p: { name: string }) => `${p.name} is required.`,

  'verdict.cli.fixes': () => `What to change`,
  'verdict.cli.none': () => `Nothing to change.`,
} satisfies AreaMessages<'verdict'>;
