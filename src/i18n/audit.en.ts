/**
 * Audit sentences in English: the message and fix of every finding (src/audit/findings.ts
 * lists the ids), the words for DKIM and DMARC record issues, the one-line area summaries
 * and the labels of `spfkit audit`. audit.nl.ts must translate every key.
 */
import { branchText, capitalize, code, codeTerm, joinList } from './format.ts';
import { type BranchCount, type RecordRef, type ResolverWords, resolverText } from './spf.en.ts';
import type { AreaMessages } from './types.ts';

/** The data of a DKIM key-record issue, as `audit.dkim-issue.<code>` takes it ("" / 0 when absent). */
export interface DkimIssueParams {
  tag: string;
  value: string;
  reason: string;
  suggestion: string;
  bits: number;
}

/** The data of a DMARC record issue, as `audit.dmarc-issue.<code>` takes it ("" / 0 when absent). */
export interface DmarcIssueParams {
  tag: string;
  value: string;
  reason: string;
  suggestion: string;
  count: number;
  limit: number;
}

/** Why a name has no SPF record (RFC 7208 §4.5). */
export type MissingRecord = 'nxdomain' | 'nodata' | 'no-spf';

const viaText = (r: RecordRef): string => r.via.map(code).join(' → ');

/** "the SPF record of x" or "the SPF record of x (reached through `include:x`)". */
const recordOf = (r: RecordRef): string =>
  r.via.length === 0 ? `the SPF record of ${r.domain}` : `the SPF record of ${r.domain} (reached through ${viaText(r)})`;

const missingText = (target: string, missing: MissingRecord): string => {
  switch (missing) {
    case 'nxdomain':
      return `${target}, which does not exist (NXDOMAIN)`;
    case 'nodata':
      return `${target}, which has no TXT records`;
    case 'no-spf':
      return `${target}, which has no SPF record (none of its TXT records starts with ${code('v=spf1')})`;
    default: {
      const never: never = missing;
      return String(never);
    }
  }
};

const dkimKeyProblem = (reason: string, value: string): string => {
  switch (reason) {
    case 'base64':
      return value === '' ? `${code('p=')} is not valid base64 (length or padding)` : `${code('p=')} is not base64: ${value} is not allowed`;
    case 'der':
      return `${code('p=')} does not hold an RSA public key`;
    case 'type-mismatch':
      return `${code('p=')} holds a key of type ${value}, which does not match ${code('k=')}`;
    case 'ed25519-length':
      return `an ed25519 key is 32 bytes, this one is ${value}`;
    case 'ed25519-spki':
      return `an ed25519 key must be published as its raw 32 bytes, not wrapped in SubjectPublicKeyInfo`;
    default:
      return `${code('p=')} does not hold a usable key`;
  }
};

const dmarcUriProblem = (reason: string): string => {
  switch (reason) {
    case 'empty':
      return 'the entry is empty';
    case 'no-scheme':
      return `it needs a scheme, such as ${code('mailto:')}`;
    case 'bad-char':
      return 'it has a character that must be percent-encoded';
    case 'bad-size':
      return `the size after ${code('!')} must be digits with an optional k, m, g or t`;
    case 'bad-address':
      return `the mailbox is not ${code('local@domain')}`;
    default:
      return 'it is not a URI';
  }
};

export const auditEn = {
  // ── SPF ───────────────────────────────────────────────────────────────────────────────
  'audit.spf-missing.message': (p: { domain: string; missing: MissingRecord }) =>
    p.missing === 'nxdomain'
      ? `${p.domain} does not exist in DNS (NXDOMAIN), so it has no SPF record.`
      : p.missing === 'nodata'
        ? `${p.domain} has no TXT records, so it has no SPF record: receivers cannot tell which servers may send its mail.`
        : `None of the TXT records of ${p.domain} starts with ${code('v=spf1')}: it has no SPF record, so receivers cannot tell which servers may send its mail.`,
  'audit.spf-missing.fix': (p: { domain: string }) =>
    `Publish one TXT record at ${p.domain} that starts with ${code('v=spf1')} and lists every service that sends mail as ${p.domain}, e.g. ${code('v=spf1 mx ~all')}; a domain that sends no mail publishes ${code('v=spf1 -all')}.`,
  'audit.spf-multiple-records.message': (p: { record: RecordRef; count: number }) =>
    `${capitalize(recordOf(p.record))} exists ${p.count} times: with more than one ${code('v=spf1')} record, every check ends in permerror (RFC 7208 §4.5).`,
  'audit.spf-multiple-records.fix': (p: { domain: string }) => `Merge the records at ${p.domain} into one: one ${code('v=spf1')}, all the terms, one ${code('all')} at the end.`,
  'audit.spf-bad-version.message': (p: { domain: string; text: string }) =>
    `The TXT record ${code(p.text)} at ${p.domain} looks like an SPF record but does not start with ${code('v=spf1')} and a space, so receivers ignore it (RFC 7208 §4.5).`,
  'audit.spf-bad-version.fix': () =>
    `Start the record with exactly ${code('v=spf1')} followed by a space (no quotes, no leading space, not ${code('spf1')} or ${code('v=spf2.0')}); remove it if another record already holds the policy.`,
  'audit.spf-syntax.message': (p: { record: RecordRef; column: number; problem: string }) =>
    `Column ${p.column} of ${recordOf(p.record)}: ${p.problem}.`,
  'audit.spf-syntax.fix': () => `Correct the term: a record with a syntax error makes every check end in permerror (RFC 7208 §4.6).`,
  'audit.spf-too-many-lookups.message': (p: { domain: string; count: number; limit: number; branches: readonly BranchCount[] }) =>
    `Checking the SPF record of ${p.domain} takes ${p.count} DNS lookups; RFC 7208 §4.6.4 allows ${p.limit}, so receivers give permerror.${branchText(p.branches)}`,
  'audit.spf-too-many-lookups.fix': () =>
    `Remove includes of services no longer used, replace ${code('a')}, ${code('mx')} and ${code('ptr')} with ${code('ip4:')}/${code('ip6:')} ranges, or ask a provider for a smaller include.`,
  'audit.spf-lookup-count.message': (p: { domain: string; count: number; limit: number; branches: readonly BranchCount[] }) =>
    `Checking the SPF record of ${p.domain} takes ${p.count} of the ${p.limit} DNS lookups RFC 7208 §4.6.4 allows.${branchText(p.branches)}`,
  'audit.spf-lookup-count.fix': (p: { limit: number }) => `When you add a sender, count its include's lookups too: the total must stay at ${p.limit} or below.`,
  'audit.spf-too-many-void-lookups.message': (p: { domain: string; count: number; limit: number; names: readonly string[] }) =>
    `${p.count} lookups for the SPF record of ${p.domain} find nothing (the name does not exist or has no records): ${p.names.join(', ')}. RFC 7208 §4.6.4 allows ${p.limit}; receivers give permerror beyond that.`,
  'audit.spf-too-many-void-lookups.fix': () => `Remove or correct the terms that point at names without records.`,
  'audit.spf-include-missing.message': (p: { record: RecordRef; term: string; target: string; missing: MissingRecord }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} points at ${missingText(p.target, p.missing)}: every check that reaches it ends in permerror (RFC 7208 §5.2).`,
  'audit.spf-include-missing.fix': (p: { record: RecordRef; term: string; target: string; missing: MissingRecord }) =>
    `Check the spelling of ${p.target} with the provider, or remove ${codeTerm(p.term)} if that service is no longer used.`,
  'audit.spf-redirect-missing.message': (p: { record: RecordRef; term: string; target: string; missing: MissingRecord }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} points at ${missingText(p.target, p.missing)}: every check ends in permerror (RFC 7208 §6.1).`,
  'audit.spf-redirect-missing.fix': (p: { record: RecordRef; term: string; target: string; missing: MissingRecord }) =>
    `Publish an SPF record at ${p.target}, or correct ${codeTerm(p.term)}.`,
  'audit.spf-include-loop.message': (p: { record: RecordRef; term: string; target: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} leads back to ${p.target}, a record it came through: the check goes round until the lookup limit stops it (permerror).`,
  'audit.spf-include-loop.fix': (p: { term: string }) => `Remove ${codeTerm(p.term)}: a record cannot include itself.`,
  'audit.spf-ptr.message': (p: { record: RecordRef; term: string }) =>
    `${capitalize(recordOf(p.record))} uses ${codeTerm(p.term)}: ${code('ptr')} is deprecated (RFC 7208 §5.5), slow and unreliable, and some receivers ignore it.`,
  'audit.spf-ptr.fix': (p: { term: string }) => `Replace ${codeTerm(p.term)} with the ${code('ip4:')}/${code('ip6:')} ranges or the ${code('a:')} name of the servers it was meant for.`,
  'audit.spf-plus-all.message': (p: { record: RecordRef; term: string }) =>
    `${capitalize(recordOf(p.record))} has ${codeTerm(p.term)}: every server on the internet passes, so SPF protects nothing.`,
  'audit.spf-plus-all.fix': (p: { term: string }) => `Replace ${codeTerm(p.term)} with ${code('~all')} or ${code('-all')}, after listing every server that sends your mail.`,
  'audit.spf-neutral-all.message': (p: { record: RecordRef; term: string }) =>
    `${capitalize(recordOf(p.record))} ends in ${codeTerm(p.term)}: neutral, it says nothing about other servers, so receivers treat their mail as if there were no SPF policy.`,
  'audit.spf-neutral-all.fix': () => `End the record with ${code('~all')} (softfail), or ${code('-all')} once every sender is listed.`,
  'audit.spf-no-all.message': (p: { record: RecordRef }) =>
    `${capitalize(recordOf(p.record))} has no ${code('all')} and no ${code('redirect=')}: servers it does not list get neutral, as if there were no policy (RFC 7208 §4.7).`,
  'audit.spf-no-all.fix': () => `End the record with ${code('~all')} or ${code('-all')}.`,
  'audit.spf-redirect-ignored.message': (p: { record: RecordRef; term: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} is ignored because the record has ${code('all')} (RFC 7208 §6.1).`,
  'audit.spf-redirect-ignored.fix': (p: { term: string }) => `Remove ${code('all')} to use ${codeTerm(p.term)}, or remove ${codeTerm(p.term)}.`,
  'audit.spf-after-all.message': (p: { record: RecordRef; terms: readonly string[] }) =>
    `In ${recordOf(p.record)}, ${joinList(p.terms.map(code), 'and')} ${p.terms.length === 1 ? 'comes' : 'come'} after ${code('all')} and ${p.terms.length === 1 ? 'is' : 'are'} never used: evaluation stops at ${code('all')}.`,
  'audit.spf-after-all.fix': () => `Move those terms before ${code('all')}, or remove them.`,
  'audit.spf-string-too-long.message': (p: { record: RecordRef; count: number; limit: number }) =>
    `A character-string of ${recordOf(p.record)} is ${p.count} bytes; one string holds at most ${p.limit} (RFC 1035 §3.3), so DNS cannot serve it as it is.`,
  'audit.spf-string-too-long.fix': (p: { limit: number }) =>
    `Split the record into strings of at most ${p.limit} bytes, written as ${code('"v=spf1 …" "… -all"')}: receivers join them without a space (RFC 7208 §3.3).`,
  'audit.spf-record-too-long.message': (p: { record: RecordRef; count: number; limit: number }) =>
    `The TXT answer that holds ${recordOf(p.record)} is ${p.count} bytes (name and all TXT records); RFC 7208 §3.4 advises under ${p.limit} so that it fits in one UDP packet.`,
  'audit.spf-record-too-long.fix': () => `Remove TXT records that are no longer needed and redundant terms, or move ranges into an include.`,
  'audit.spf-overlapping-ranges.message': (p: { record: RecordRef; term: string; other: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} is already covered by ${code(p.other)}.`,
  'audit.spf-overlapping-ranges.fix': (p: { term: string }) => `Remove ${codeTerm(p.term)}.`,
  'audit.spf-range-in-include.message': (p: { record: RecordRef; term: string; other: string; target: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} is already authorised by ${code(p.other)} in the SPF record of ${p.target}, which it includes.`,
  'audit.spf-range-in-include.fix': (p: { term: string }) => `You can remove ${codeTerm(p.term)}, unless it must keep working if the provider changes its record.`,
  'audit.spf-host-without-address.message': (p: { record: RecordRef; term: string; names: readonly string[]; type: string }) =>
    p.type === 'MX'
      ? `${codeTerm(p.term)} in ${recordOf(p.record)} points at ${joinList(p.names, 'and')}, which has no MX records: the term never matches and counts as a void lookup.`
      : `${codeTerm(p.term)} in ${recordOf(p.record)} points at ${joinList(p.names, 'and')}, without any A or AAAA record: the term never matches and counts as a void lookup.`,
  'audit.spf-host-without-address.fix': (p: { term: string }) => `Correct the name in ${codeTerm(p.term)}, or remove the term.`,
  'audit.spf-unknown-modifier.message': (p: { record: RecordRef; term: string; name: string }) =>
    `${capitalize(recordOf(p.record))} has the unknown modifier ${code(p.name + '=')} (${codeTerm(p.term)}); receivers ignore it (RFC 7208 §6).`,
  'audit.spf-unknown-modifier.fix': (p: { term: string }) => `Check the spelling (${code('redirect=')}, ${code('exp=')}) or remove ${codeTerm(p.term)}.`,
  'audit.spf-dynamic-term.message': (p: { record: RecordRef; term: string }) =>
    `${codeTerm(p.term)} in ${recordOf(p.record)} uses macros: the name it asks is known only when mail arrives, so the audit counted it as one lookup and did not follow it.`,
  'audit.spf-type99-not-checked.message': (p: { domain: string }) =>
    `Only TXT records of ${p.domain} were checked. Records of the retired SPF type (99) were not queried: receivers look only at TXT (RFC 7208 §3.1, §14.1).`,
  'audit.spf-type99-not-checked.fix': () => `Publish the policy as a TXT record.`,

  // ── DKIM ──────────────────────────────────────────────────────────────────────────────
  'audit.dkim-key-found.message': (p: { selector: string; name: string; target: string; type: string; bits: number }) =>
    `DKIM key for selector ${p.selector} at ${p.name}${p.target === '' ? '' : ` (CNAME to ${p.target})`}: ${p.type === 'ed25519' ? 'ed25519' : `RSA, ${p.bits} bits`}.`,
  'audit.dkim-none-found.message': (p: { domain: string; count: number }) =>
    `No DKIM key found at the ${p.count} common selectors tried for ${p.domain}; DNS cannot list a domain's selectors, so keys under other names were not seen.`,
  'audit.dkim-none-found.fix': () =>
    `Audit again with the selector of your mail: it is the ${code('s=')} tag of the DKIM-Signature header in a message you sent.`,
  'audit.dkim-selector-missing.message': (p: { selector: string; name: string }) => `There is no DKIM key for selector ${p.selector}: ${p.name} has no TXT record.`,
  'audit.dkim-selector-missing.fix': (p: { name: string }) => `Publish the key record your mail provider gives you at ${p.name} (often a CNAME to the provider).`,
  'audit.dkim-cname-broken.message': (p: { selector: string; name: string; target: string }) =>
    `${p.name} (selector ${p.selector}) is a CNAME to ${p.target}, which has no TXT record: there is no key.`,
  'audit.dkim-cname-broken.fix': (p: { name: string }) => `Ask the provider for the right target of ${p.name}, or correct the CNAME.`,
  'audit.dkim-multiple-records.message': (p: { selector: string; name: string; count: number }) =>
    `${p.name} (selector ${p.selector}) has ${p.count} TXT records; RFC 6376 §3.6.2.2 does not say which one verifiers use.`,
  'audit.dkim-multiple-records.fix': (p: { name: string }) => `Keep one key record at ${p.name}.`,
  'audit.dkim-bad-version.message': (p: { selector: string; name: string; problem: string }) => `DKIM key record ${p.name} (selector ${p.selector}): ${p.problem}.`,
  'audit.dkim-bad-version.fix': () => `Start the record with ${code('v=DKIM1;')} or leave the tag out.`,
  'audit.dkim-weak-key.message': (p: { selector: string; name: string; bits: number }) =>
    `The RSA key for selector ${p.selector} has ${p.bits} bits; verifiers must reject keys under 1024 bits (RFC 8301 §3.2), so signatures with it do not count.`,
  'audit.dkim-weak-key.fix': () => `Generate a 2048-bit key, publish it under a new selector and sign with it.`,
  'audit.dkim-short-key.message': (p: { selector: string; name: string; bits: number }) =>
    `The RSA key for selector ${p.selector} has ${p.bits} bits; RFC 8301 §3.2 recommends at least 2048.`,
  'audit.dkim-short-key.fix': () => `Move to a 2048-bit key under a new selector.`,
  'audit.dkim-ed25519.message': (p: { selector: string; name: string }) =>
    `The key for selector ${p.selector} is ed25519 (RFC 8463); not every verifier supports it yet.`,
  'audit.dkim-ed25519.fix': () => `Also sign with an RSA key under a second selector, so that every verifier can check your mail.`,
  'audit.dkim-revoked.message': (p: { selector: string; name: string }) => `The key for selector ${p.selector} is revoked: ${code('p=')} is empty (RFC 6376 §3.6.1).`,
  'audit.dkim-revoked.fix': (p: { selector: string }) => `Make sure no server still signs with selector ${p.selector}; otherwise publish its key.`,
  'audit.dkim-testing.message': (p: { selector: string; name: string }) =>
    `The key for selector ${p.selector} has ${code('t=y')} (testing): verifiers may treat signed mail as unsigned (RFC 6376 §3.6.1).`,
  'audit.dkim-testing.fix': () => `Remove ${code('t=y')} once signing works.`,
  'audit.dkim-hash-algorithms.message': (p: { selector: string; name: string; problem: string }) => `DKIM key record ${p.name} (selector ${p.selector}): ${p.problem}.`,
  'audit.dkim-hash-algorithms.fix': () => `Leave ${code('h=')} out, or set ${code('h=sha256')}.`,
  'audit.dkim-syntax.message': (p: { selector: string; name: string; problem: string }) => `DKIM key record ${p.name} (selector ${p.selector}): ${p.problem}.`,
  'audit.dkim-syntax.fix': () => `Publish the key record exactly as the mail provider or your signing software gives it.`,

  // Words for the issues parseDkimKey reports (one key per DkimIssueCode).
  'audit.dkim-issue.version-not-first': (_p: DkimIssueParams) => `the ${code('v=')} tag must be the first tag`,
  'audit.dkim-issue.bad-version': (p: DkimIssueParams) => `the version is ${code(p.value)}, not ${code('DKIM1')}, so verifiers discard the record`,
  'audit.dkim-issue.missing-key': (_p: DkimIssueParams) => `the required ${code('p=')} tag (the public key) is missing`,
  'audit.dkim-issue.revoked-key': (_p: DkimIssueParams) => `${code('p=')} is empty: the key has been revoked`,
  'audit.dkim-issue.unknown-key-type': (p: DkimIssueParams) => `unknown key type ${code(p.value)}; use ${code('rsa')} or ${code('ed25519')}`,
  'audit.dkim-issue.bad-key': (p: DkimIssueParams) => dkimKeyProblem(p.reason, p.value),
  'audit.dkim-issue.weak-key': (p: DkimIssueParams) => `the RSA key has ${p.bits} bits; verifiers reject keys under 1024 bits`,
  'audit.dkim-issue.short-key': (p: DkimIssueParams) => `the RSA key has ${p.bits} bits; at least 2048 is recommended`,
  'audit.dkim-issue.pkcs1-key': (_p: DkimIssueParams) => `the key is a bare RSAPublicKey; many verifiers only accept SubjectPublicKeyInfo`,
  'audit.dkim-issue.sha1-hash': (_p: DkimIssueParams) => `${code('h=')} allows sha1, which must no longer be used for signing (RFC 8301 §3.1)`,
  'audit.dkim-issue.sha256-not-allowed': (_p: DkimIssueParams) => `${code('h=')} does not allow sha256, so no valid signature can use this key`,
  'audit.dkim-issue.unknown-hash': (p: DkimIssueParams) => `unknown hash algorithm ${code(p.value)} in ${code('h=')}; verifiers ignore it`,
  'audit.dkim-issue.unknown-service': (p: DkimIssueParams) => `unknown service type ${code(p.value)} in ${code('s=')}; verifiers ignore it`,
  'audit.dkim-issue.not-for-email': (_p: DkimIssueParams) => `${code('s=')} lists neither ${code('email')} nor ${code('*')}, so verifiers ignore this key for email`,
  'audit.dkim-issue.unknown-flag': (p: DkimIssueParams) => `unknown flag ${code(p.value)} in ${code('t=')}; verifiers ignore it`,
  'audit.dkim-issue.testing-mode': (_p: DkimIssueParams) => `${code('t=y')}: the domain is testing DKIM; verifiers may treat its mail as unsigned`,
  'audit.dkim-issue.bad-tag-value': (p: DkimIssueParams) => `${code(p.value)} is not a valid value for ${code(p.tag + '=')}`,
  'audit.dkim-issue.empty-value': (p: DkimIssueParams) => `the ${code(p.tag + '=')} tag has no value`,
  'audit.dkim-issue.missing-semicolon': (p: DkimIssueParams) => `a ${code(';')} is missing before ${code(p.value + '=')}`,
  'audit.dkim-issue.escaped-semicolon': (_p: DkimIssueParams) => `a backslash before ${code(';')} belongs to zone-file syntax, not to the record`,
  'audit.dkim-issue.duplicate-tag': (p: DkimIssueParams) => `the ${code(p.tag + '=')} tag appears more than once, which makes the record invalid`,
  'audit.dkim-issue.unknown-tag': (p: DkimIssueParams) =>
    p.suggestion === '' ? `unknown tag ${code(p.tag + '=')}; verifiers ignore it` : `unknown tag ${code(p.tag + '=')}; did you mean ${code(p.suggestion + '=')}? (tags are case-sensitive)`,
  'audit.dkim-issue.bad-tag-name': (p: DkimIssueParams) => `${code(p.value)} is not a valid tag name`,
  'audit.dkim-issue.missing-equals': (p: DkimIssueParams) => `${code(p.value)} has no ${code('=')} between tag name and value`,
  'audit.dkim-issue.empty-term': (_p: DkimIssueParams) => `two separators with nothing between them`,
  'audit.dkim-issue.bad-whitespace': (p: DkimIssueParams) => `only spaces, tabs and line breaks may separate tags, not ${p.value}`,
  'audit.dkim-issue.bad-selector': (p: DkimIssueParams) =>
    p.reason === 'empty'
      ? `the selector is empty`
      : p.reason === 'too-long'
        ? `the selector ${code(p.value)} makes the DNS name too long`
        : `${code(p.value)} is not a valid selector: letters, digits and inner hyphens, separated by dots`,
  'audit.dkim-issue.bad-domain': (p: DkimIssueParams) => `${code(p.value)} is not a valid domain name`,

  // ── DMARC ─────────────────────────────────────────────────────────────────────────────
  'audit.dmarc-missing.message': (p: { domain: string; target: string }) =>
    p.target === p.domain
      ? `${p.domain} has no DMARC record at ${code('_dmarc.' + p.domain)}: receivers get no policy for mail that fails SPF and DKIM, and you get no reports.`
      : `Neither ${p.domain} nor its organisational domain ${p.target} has a DMARC record: receivers get no policy for mail that fails SPF and DKIM, and you get no reports.`,
  'audit.dmarc-missing.fix': (p: { domain: string }) =>
    `Publish a TXT record at ${code('_dmarc.' + p.domain)}, to start ${code('v=DMARC1; p=none; rua=mailto:…')} to receive reports, then move to ${code('p=quarantine')} and ${code('p=reject')}.`,
  'audit.dmarc-multiple-records.message': (p: { name: string; count: number }) =>
    `${p.name} has ${p.count} DMARC records; receivers discard them all, as if there were none, and look further up the DNS tree (RFC 9989 §4.10).`,
  'audit.dmarc-multiple-records.fix': (p: { name: string }) => `Keep one ${code('v=DMARC1')} record at ${p.name}.`,
  'audit.dmarc-syntax.message': (p: { name: string; problem: string }) => `DMARC record at ${p.name}: ${p.problem}.`,
  'audit.dmarc-syntax.fix': () => `Correct the tag (RFC 7489 §6.3 lists the tags and their values).`,
  'audit.dmarc-syntax.fix-ignored': () => `Correct the record: as it is, receivers ignore it and apply no DMARC policy.`,
  'audit.dmarc-policy-none.message': (p: { name: string; tag: string }) =>
    `The DMARC record at ${p.name} has ${code(p.tag + '=none')}: receivers only report, they do nothing with mail that fails (monitoring only).`,
  'audit.dmarc-policy-none.fix': () => `When the reports show that all your own mail passes, move to ${code('p=quarantine')} and then ${code('p=reject')}.`,
  'audit.dmarc-org-domain.message': (p: { domain: string; target: string }) =>
    `${p.domain} has no DMARC record of its own; the record of its organisational domain ${p.target} applies, with its ${code('sp=')} policy (RFC 9989 §4.10.1).`,
  'audit.dmarc-psd-policy.message': (p: { domain: string; target: string; organization: string }) =>
    `Neither ${p.domain} nor its organisational domain ${p.organization} has a DMARC record; the record of the public suffix ${p.target} (${code('psd=y')}) applies, with its ${code('sp=')} policy (RFC 9989 §4.10.1). Publish your own record to choose your policy.`,
  'audit.dmarc-rfc7489-differs.message': (p: { domain: string; organization: string; pslOrganization: string; name: string; pslName: string }) =>
    `Receivers that still follow RFC 7489 (the Public Suffix List) read this differently: organisational domain ${p.pslOrganization} instead of ${p.organization} (RFC 9989 DNS tree walk), and ${p.pslName === 'none' ? 'no DMARC record' : p.pslName === 'unavailable' ? 'a record that could not be looked up' : 'the record at ' + p.pslName} instead of ${p.name === 'none' ? 'none' : 'the record at ' + p.name}.`,
  'audit.dmarc-report-unauthorized.message': (p: { tag: string; value: string; domain: string; name: string }) =>
    `${code(p.tag + '=')} sends reports to ${code(p.value)}, outside ${p.domain}, but there is no ${code('v=DMARC1')} record at ${p.name} allowing it, so receivers will not send them (RFC 7489 §7.1).`,
  'audit.dmarc-report-unauthorized.fix': (p: { name: string; domain: string }) =>
    `Ask the report receiver to publish ${code('v=DMARC1')} at ${p.name}, or send the reports to an address at ${p.domain}.`,

  // Words for the issues parseDmarcRecord reports (one key per DmarcIssueCode).
  'audit.dmarc-issue.missing-version': (_p: DmarcIssueParams) => `the record does not start with ${code('v=DMARC1')}, so receivers ignore it`,
  'audit.dmarc-issue.version-not-first': (_p: DmarcIssueParams) => `the ${code('v=')} tag must be the first tag, so receivers ignore this record`,
  'audit.dmarc-issue.bad-version': (p: DmarcIssueParams) => `the version must be exactly ${code('DMARC1')}, not ${code(p.value)}, so receivers ignore this record`,
  'audit.dmarc-issue.missing-policy': (_p: DmarcIssueParams) => `the required ${code('p=')} tag is missing and there is no valid ${code('rua=')}, so receivers ignore this record`,
  'audit.dmarc-issue.unknown-policy': (p: DmarcIssueParams) => `${code(p.value)} is not a policy for ${code(p.tag + '=')}; use none, quarantine or reject`,
  'audit.dmarc-issue.policy-fallback-none': (p: DmarcIssueParams) =>
    p.tag === 'p'
      ? `without a valid ${code('p=')}, receivers act as if it said ${code('p=none')}, because ${code('rua=')} is present`
      : `because ${code(p.tag + '=')} is invalid, receivers act as if the record said ${code('p=none')} (${code('rua=')} is present)`,
  'audit.dmarc-issue.policy-not-second': (_p: DmarcIssueParams) =>
    `RFC 7489 receivers expect ${code('p=')} right after ${code('v=DMARC1')} (RFC 9989 allows any order)`,
  'audit.dmarc-issue.removed-tag': (p: DmarcIssueParams) =>
    p.tag === 'pct'
      ? `${code('pct=')} was removed by RFC 9989: receivers that follow it apply the policy to all mail, RFC 7489 receivers to ${p.value}% of it; use ${code('t=y')} for a test phase`
      : `${code(p.tag + '=')} was removed by RFC 9989; receivers ignore it`,
  'audit.dmarc-issue.bad-tag-value': (p: DmarcIssueParams) => `${code(p.value)} is not a valid value for ${code(p.tag + '=')}; the default applies`,
  'audit.dmarc-issue.empty-value': (p: DmarcIssueParams) => `the ${code(p.tag + '=')} tag has no value`,
  'audit.dmarc-issue.missing-semicolon': (p: DmarcIssueParams) => `a ${code(';')} is missing before ${code(p.value + '=')}`,
  'audit.dmarc-issue.escaped-semicolon': (_p: DmarcIssueParams) => `a backslash before ${code(';')} belongs to zone-file syntax, not to the record`,
  'audit.dmarc-issue.bad-uri': (p: DmarcIssueParams) => `${code(p.value)} in ${code(p.tag + '=')} is not a valid DMARC URI: ${dmarcUriProblem(p.reason)}`,
  'audit.dmarc-issue.unsupported-uri-scheme': (p: DmarcIssueParams) => `receivers only have to support ${code('mailto:')} URIs, not ${code(p.value + ':')}`,
  'audit.dmarc-issue.too-many-uris': (p: DmarcIssueParams) => `${code(p.tag + '=')} lists ${p.count} URIs; receivers only have to send to ${p.limit}`,
  'audit.dmarc-issue.duplicate-tag': (p: DmarcIssueParams) => `the ${code(p.tag + '=')} tag appears more than once; only the first counts`,
  'audit.dmarc-issue.unknown-tag': (p: DmarcIssueParams) =>
    p.suggestion === '' ? `unknown tag ${code(p.tag + '=')}; receivers ignore it` : `unknown tag ${code(p.tag + '=')}; did you mean ${code(p.suggestion + '=')}?`,
  'audit.dmarc-issue.bad-tag-name': (p: DmarcIssueParams) => `${code(p.value)} is not a valid tag name`,
  'audit.dmarc-issue.missing-equals': (p: DmarcIssueParams) => `${code(p.value)} has no ${code('=')} between tag name and value`,
  'audit.dmarc-issue.empty-term': (_p: DmarcIssueParams) => `two separators with nothing between them`,
  'audit.dmarc-issue.leading-whitespace': (_p: DmarcIssueParams) => `the record should start with ${code('v=DMARC1')}, without leading whitespace`,
  'audit.dmarc-issue.bad-whitespace': (p: DmarcIssueParams) => `only spaces and tabs may separate tags, not ${p.value}`,

  // ── MX ────────────────────────────────────────────────────────────────────────────────
  'audit.mx-missing.message': (p: { domain: string }) =>
    `${p.domain} has no MX records: mail to it goes to its own address, if it has one (RFC 5321 §5.1), so replies, bounces and reports may be lost.`,
  'audit.mx-missing.fix': (p: { domain: string }) =>
    `Publish MX records for ${p.domain}, or a null MX (${code('MX 0 .')}, RFC 7505) if the domain receives no mail.`,
  'audit.mx-null.message': (p: { domain: string }) => `${p.domain} publishes a null MX (RFC 7505): it receives no mail.`,
  'audit.mx-unresolvable.message': (p: { domain: string; name: string; count: number }) =>
    `The mail server ${p.name} (MX ${p.count}) of ${p.domain} has no A or AAAA record: mail cannot be delivered there.`,
  'audit.mx-unresolvable.fix': (p: { name: string }) => `Give ${p.name} an address, or correct the MX record.`,

  // ── DNS ───────────────────────────────────────────────────────────────────────────────
  'audit.dns-unavailable.message': (p: { name: string; type: string; answer: string; detail?: string }) =>
    `Could not check: the ${p.type} lookup of ${p.name} ${p.answer === 'timeout' ? 'got no answer in time' : 'failed (SERVFAIL)'}${p.detail ? ` (${p.detail})` : ''}. This is not the same as "no record".`,
  'audit.dns-unavailable.fix': () => `Try again later; if it keeps failing, ask the DNS host of the domain to look at its name servers.`,

  'audit.dns-resolver-unreachable.message': (p: { resolver: ResolverWords }) =>
    `Could not check: ${resolverText(p.resolver)}, so not one lookup of this audit could be made. This says nothing about the domain.`,
  'audit.dns-resolver-unreachable.fix': () =>
    `Nothing needs to change at the domain: whoever runs this spfkit should check that its DNS resolver (${code('--dns')}, ${code('DNS_SERVERS')} or /etc/resolv.conf) is running and reachable, then audit again.`,

  // ── Area summaries (one line each) ────────────────────────────────────────────────────
  'audit.summary.resolver-unreachable': () => `not checked: spfkit's own DNS resolver could not be reached`,
  'audit.summary.unavailable': () => `could not be checked: a DNS lookup failed`,
  'audit.summary.spf-record': (p: { text: string; count: number; limit: number }) => `${code(p.text)} (${p.count} of ${p.limit} DNS lookups)`,
  'audit.summary.spf-none': (p: { domain: string }) => `no SPF record at ${p.domain}`,
  'audit.summary.spf-multiple': (p: { domain: string; count: number }) => `${p.count} SPF records at ${p.domain}`,
  'audit.summary.dkim-keys': (p: { names: readonly string[] }) => `${p.names.length === 1 ? 'key' : 'keys'} found for selector ${joinList(p.names, 'and')}`,
  'audit.summary.dkim-none': (p: { count: number }) => `no key found (${p.count} ${p.count === 1 ? 'selector' : 'selectors'} tried)`,
  'audit.summary.dmarc-record': (p: { text: string; policy: string }) => `${code(p.text)} (policy ${p.policy})`,
  'audit.summary.dmarc-none': (p: { domain: string }) => `no DMARC record for ${p.domain}`,
  'audit.summary.dmarc-multiple': (p: { name: string; count: number }) => `${p.count} DMARC records at ${p.name}`,
  'audit.summary.dmarc-ignored': (p: { name: string }) => `the record at ${p.name} is ignored by receivers`,
  'audit.summary.mx-hosts': (p: { names: readonly string[] }) => `mail servers ${p.names.join(', ')}`,
  'audit.summary.mx-none': (p: { domain: string }) => `no MX records for ${p.domain}`,
  'audit.summary.mx-null': (p: { domain: string }) => `null MX: ${p.domain} receives no mail`,

  // ── Labels of `spfkit audit` ──────────────────────────────────────────────────────────
  'audit.verdict.ok': () => `ok`,
  'audit.verdict.warning': () => `warning`,
  'audit.verdict.error': () => `error`,
  'audit.verdict.unknown': () => `could not check`,
  'audit.verdict.not-found': () => `not found`,
  'audit.cli.title': (p: { domain: string; grade: string }) => `Audit of ${p.domain}: grade ${p.grade}`,
  'audit.cli.no-grade': (p: { domain: string }) => `Audit of ${p.domain}: no grade — spfkit's own DNS resolver could not be reached`,
  'audit.cli.fix': () => `Fix`,
  'audit.cli.tree': () => `DNS lookups per branch`,
} satisfies AreaMessages<'audit'>;
