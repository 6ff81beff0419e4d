/**
 * `spfkit add`: plan adding a sending service to a domain's SPF record — what to publish,
 * in the forms people publish it in, verified before anything changes in DNS.
 */
import { parseArgs } from 'node:util';
import { type AddPlan, type AddPlanReady, addSender } from '../record/add.ts';
import type { Provider } from '../record/providers.ts';
import { type PublishForms, diffLines, publishForms } from '../record/publish.ts';
import type { AddIssue, AddReason, AddWarning } from '../record/reasons.ts';
import type { ResultCheck, VerificationIssue } from '../record/verify.ts';
import type { LookupProblem } from '../record/lookups.ts';
import type { StaticProblem } from '../record/ranges.ts';
import { DNS_HELP, DNS_OPTIONS, resolverFromOptions } from './dns-options.ts';
import { SENDER_OPTIONS, chooseSender } from './sender-options.ts';
import { type CliIo, EXIT, UsageError } from './io.ts';

export const ADD_HELP = `Usage: spfkit add <domain> [--policy "<record>"] <sender> [options]

Plans adding a sending service to the domain's SPF record (RFC 7208): starts from the
published record (or --policy), skips a sender that is already authorised, keeps the record
within 10 DNS lookups and 450 bytes, and verifies the result before you publish it.

Sender (exactly one):
  --provider <id>             a known service (coachview, dmrmail, byte, blueinkt,
                              google-workspace, microsoft-365, mailchimp, sendgrid, amazon-ses)
  --include <domain>          include:<domain>
  --ip4 <address[/len]>       ip4:<address>
  --ip6 <address[/len]>       ip6:<address>
  --a <host>                  a:<host>
  --mx                        mx (the domain's own mail servers)
  --mechanism <mechanism>     any one mechanism, e.g. "a" or "mx:mail.example.nl"

Options:
  --policy "<record>"         start from this record instead of the published one
                              ("" = no record yet); the domain is then optional
                              (named as in "spfkit check": --record is the DNS option)
  --test-ip <ip>              an address the service sends from (repeatable)
  --keep-no-all               do not append ~all to a record without all/redirect
  --ttl <seconds>             TTL in the zone-file line (default 3600)
  --json                      print the plan as JSON
${DNS_HELP}

Exit codes: 0 plan verified, 1 verification failed or the record must be fixed first,
2 usage or input error.`;

/** Used when only --policy is given: RFC 6761 guarantees .invalid names do not exist. */
const NO_DOMAIN = 'example.invalid';

export async function addCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      ...SENDER_OPTIONS,
      'keep-no-all': { type: 'boolean', default: false },
      ttl: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...DNS_OPTIONS,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(ADD_HELP + '\n');
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`one domain only, got ${positionals.join(' ')}`);
  const givenDomain = positionals[0];
  if (givenDomain === undefined && values.policy === undefined) throw new UsageError('give the domain, or the record with --policy "v=spf1 …"');
  const domain = givenDomain ?? NO_DOMAIN;

  const sender = await chooseSender(values);
  let ttl: number | undefined;
  if (values.ttl !== undefined) {
    ttl = Number(values.ttl);
    // RFC 2181 §8: a TTL is an unsigned 31-bit number of seconds.
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > 0x7fffffff) throw new UsageError(`--ttl must be a whole number of seconds, got "${values.ttl}"`);
  }

  const { provider, mechanism } = sender;
  const testIps = values['test-ip'] ?? provider?.testIps ?? [];

  const dns = await resolverFromOptions(values);
  const plan = await addSender(
    { domain, mechanism, testIps, ...(values.policy !== undefined ? { record: values.policy } : {}) },
    { resolver: dns.resolver, allPolicy: values['keep-no-all'] ? 'keep' : 'add-softfail' },
  );
  await dns.finish();

  if (plan.status === 'blocked') {
    const input = plan.issues.filter((i) => INPUT_ISSUES.has(i.code));
    if (input.length > 0) throw new UsageError(input.map(issueText).join('; '));
  }
  const owner = givenDomain === undefined ? '@' : domain;
  const publish = plan.status === 'blocked' ? undefined : publishAll(plan, owner, ttl);
  if (values.json) {
    io.stdout(JSON.stringify({ plan, publish, provider }, null, 2) + '\n');
  } else {
    io.stdout(formatPlan(plan, publish, provider, givenDomain === undefined));
  }
  if (plan.status === 'blocked') return EXIT.notPass;
  return plan.verification.ok ? EXIT.ok : EXIT.notPass;
}

interface Published {
  main: PublishForms;
  subRecords: PublishForms[];
}

function publishAll(plan: AddPlanReady, owner: string, ttl: number | undefined): Published {
  const options = ttl === undefined ? {} : { ttl };
  return {
    main: publishForms(owner, plan.after.record, options),
    subRecords: plan.subRecords.map((s) => publishForms(s.name, s.record, options)),
  };
}

// ---------------------------------------------------------------------------------------
// Words. Every English string of the command is here, made from the plan's data codes;
// the i18n layer (src/i18n) will take this over.

const INPUT_ISSUES = new Set<AddIssue['code']>(['mechanism-syntax', 'mechanism-not-one-term', 'mechanism-is-modifier', 'mechanism-is-all', 'mechanism-not-pass', 'bad-domain', 'bad-test-ip']);

function issueText(issue: AddIssue): string {
  switch (issue.code) {
    case 'mechanism-syntax':
      return `"${issue.text}" is not a valid mechanism: ${issue.issues.map((i) => i.message).join('; ')}`;
    case 'mechanism-not-one-term':
      return `give exactly one mechanism, got ${issue.count} in "${issue.text}"`;
    case 'mechanism-is-modifier':
      return `"${issue.text}" is a modifier, not a sender`;
    case 'mechanism-is-all':
      return '"all" is not a sender: it decides for everybody who is not listed';
    case 'mechanism-not-pass':
      return `"${issue.text}" has the qualifier "${issue.qualifier}", which would not authorise the sender`;
    case 'bad-domain':
      return `"${issue.domain}" is not a usable domain name (${issue.reason})`;
    case 'bad-test-ip':
      return `"${issue.ip}" is not an IPv4 or IPv6 address`;
    case 'record-syntax':
      return `the ${issue.source === 'dns' ? 'published' : 'given'} record does not parse (a permerror for every receiver): ${issue.issues.map((i) => i.message).join('; ')}. Fix it first.`;
    case 'multiple-records':
      return `${issue.domain} publishes ${issue.count} SPF records; receivers treat that as a permerror (RFC 7208 §4.5). Merge them into one first.`;
    case 'dns-error':
      return `the SPF record of ${issue.domain} could not be fetched (${issue.answer}); try again later`;
    default: {
      const never: never = issue;
      throw new Error(`unhandled issue ${String(never)}`);
    }
  }
}

function reasonText(reason: AddReason): string {
  switch (reason.code) {
    case 'created-softfail':
      return 'There was no SPF record, so a new one is created ending in ~all: softfail does not reject mail while you check that every sender is listed. Move to -all once they all are.';
    case 'all-kept':
      return `The record's own "${reason.qualifier}all" is kept: it is your policy for everybody not listed.`;
    case 'softfail-all-added':
      return 'The record had no "all" and no redirect, so unlisted senders got "neutral", which tells receivers nothing. ~all is added (softfail: marked, not rejected). Use --keep-no-all to leave it out.';
    case 'no-all-kept':
      return 'The record has no "all" and no redirect and is kept that way (--keep-no-all): unlisted senders stay "neutral".';
    case 'redirect-kept':
      return `The redirect to ${reason.target} decides for everything not listed; the new sender goes before it and no "all" is added (it would switch the redirect off).`;
    case 'inserted':
      return reason.before === 'end' ? 'The sender is added after the last mechanism.' : `The sender is added just before "${reason.before === 'all' ? 'all' : 'redirect'}", so it is evaluated before that decides.`;
    case 'duplicate':
      return `${reason.term} is already in the record: nothing to add.`;
    case 'inside-range':
      return `${reason.range} lies inside ${reason.term}, which is already in the record: nothing to add.`;
    case 'covered':
      return `The record already passes ${reason.ips.join(', ')} through ${reason.term}: nothing to add.`;
    case 'test-ips-given':
      return `Tested with ${reason.ips.join(', ')}.`;
    case 'test-ips-derived':
      return `No test address given; tested with addresses from the ${reason.from} mechanism's ranges: ${reason.ips.join(', ')}.`;
    case 'flattened':
      return `The record needed ${reason.lookups.before} DNS lookups (limit 10), so ${reason.includes.join(', ')} ${reason.includes.length === 1 ? 'is' : 'are'} replaced by the addresses ${reason.includes.length === 1 ? 'it authorises' : 'they authorise'}: now ${reason.lookups.after}.`;
    case 'strings-split':
      return `The record is longer than 255 bytes, so it is published as ${reason.count} strings of one TXT record.`;
    case 'sub-records':
      return `The record was longer than 450 bytes, so ${reason.moved} address ranges move to ${reason.names.join(', ')}, included from the main record.`;
    default: {
      const never: never = reason;
      throw new Error(`unhandled reason ${String(never)}`);
    }
  }
}

function staticProblemText(problem: StaticProblem): string {
  switch (problem.code) {
    case 'macro':
    case 'exists':
    case 'ptr':
      return `${problem.term} at ${problem.domain} depends on the message`;
    case 'pass-all':
      return `${problem.domain} passes everybody (${problem.term})`;
    case 'order-dependent':
      return `${problem.term} at ${problem.domain} comes before pass terms`;
    case 'no-record':
      return `${problem.domain} has no SPF record`;
    case 'multiple-records':
      return `${problem.domain} has ${problem.count} SPF records`;
    case 'dns-error':
      return `DNS for ${problem.name} failed (${problem.answer})`;
    case 'syntax':
      return `the record of ${problem.domain} does not parse`;
    case 'loop':
      return `an include loop at ${problem.domain}`;
    case 'too-deep':
      return `includes nested too deep at ${problem.domain}`;
    case 'mx-limit':
      return `${problem.term} at ${problem.domain} has ${problem.count} MX names (over 10)`;
    default: {
      const never: never = problem;
      throw new Error(`unhandled problem ${String(never)}`);
    }
  }
}

function lookupProblemText(problem: LookupProblem): string {
  switch (problem.code) {
    case 'no-record':
      return `${problem.domain} has no SPF record`;
    case 'multiple-records':
      return `${problem.domain} has ${problem.count} SPF records`;
    case 'dns-error':
      return `DNS for ${problem.domain} failed (${problem.answer})`;
    case 'syntax':
      return `the record of ${problem.domain} does not parse`;
    case 'loop':
      return `an include loop at ${problem.domain}`;
    case 'too-deep':
      return `includes nested too deep at ${problem.domain}`;
    case 'dynamic':
      return `${problem.term} uses macros, so its cost is known only per message`;
    default: {
      const never: never = problem;
      throw new Error(`unhandled problem ${String(never)}`);
    }
  }
}

function warningText(warning: AddWarning): string {
  switch (warning.code) {
    case 'no-test-ips':
      return `No address to test ${warning.mechanism} with${warning.problem ? ` (${staticProblemText(warning.problem)})` : ''}; give one with --test-ip.`;
    case 'covered-by-static-range':
      return `The service is covered by the fixed range ${warning.term}, not by its own include: if it changes addresses, its mail fails. Consider adding the include anyway.`;
    case 'permissive-all':
      return warning.qualifier === '+' ? 'The record ends in +all: it authorises every server in the world.' : 'The record ends in ?all: it says nothing about unlisted servers.';
    case 'no-all':
      return 'The record has no "all": unlisted servers get "neutral". Consider ending it with ~all.';
    case 'other-senders-unlisted':
      return 'The new record lists only this service. Add your own mail servers (e.g. mx) and every other service that sends as this domain before you change ~all to -all.';
    case 'terms-after-all':
      return `${warning.terms.join(' ')} come${warning.terms.length === 1 ? 's' : ''} after "all" and ${warning.terms.length === 1 ? 'is' : 'are'} never evaluated.`;
    case 'redirect-ignored':
      return `redirect=${warning.target} is ignored because the record has "all".`;
    case 'lookups-over-limit-before':
      return `The current record needs ${warning.count} DNS lookups, over the limit of ${warning.limit}: receivers already get a permerror.`;
    case 'lookups-uncertain':
      return `The lookup count is not exact: ${warning.problems.map(lookupProblemText).join('; ')}.`;
    case 'flatten-insufficient':
      return `Even after flattening, the record needs ${warning.lookups} DNS lookups (limit ${warning.limit}). Remove senders you no longer use.`;
    case 'flattened-ranges-go-stale':
      return `Flattened addresses go stale when a provider changes them: re-check ${warning.includes.join(', ')}${warning.ttl !== undefined ? ` at least every ${warning.ttl} seconds (their TTL)` : ' regularly'} and republish on change.`;
    case 'record-too-long':
      return `The record is still ${warning.bytes} bytes, over ${warning.limit}: some receivers need a TCP retry to read it.`;
    case 'sub-record-name-taken':
      return `${warning.name} already has an SPF record; publishing the sub-record replaces it.`;
    case 'current-policy-error':
      return `The current policy gives ${warning.result} for ${warning.ip} (${warning.cause}).`;
    default: {
      const never: never = warning;
      throw new Error(`unhandled warning ${String(never)}`);
    }
  }
}

function verificationIssueText(issue: VerificationIssue): string {
  switch (issue.code) {
    case 'test-ip-not-pass':
      return `${issue.ip} gets ${issue.result}, not pass${issue.decidedBy ? ` (decided by ${issue.decidedBy}, which comes first)` : ''}`;
    case 'outside-ip-changed':
      return `${issue.ip} would get ${issue.result} instead of ${issue.expected}: the new sender authorises more than it should`;
    case 'sample-ip-changed':
      return `flattened address ${issue.ip} gets ${issue.result} instead of ${issue.expected}`;
    case 'does-not-parse':
      return `the record for ${issue.name} does not parse`;
    case 'over-lookup-limit':
      return `the record needs ${issue.count} DNS lookups, over the limit of ${issue.limit}`;
    default: {
      const never: never = issue;
      throw new Error(`unhandled verification issue ${String(never)}`);
    }
  }
}

const STATUS_TEXT: Record<AddPlanReady['status'], (plan: AddPlanReady) => string> = {
  added: (p) => `add ${p.added ?? p.mechanism}`,
  created: (p) => `create a record with ${p.added ?? p.mechanism}`,
  'already-authorised': (p) => `nothing to add: ${p.mechanism} is already authorised by ${p.coveredBy ?? 'the record'}`,
};

function checkLine(check: ResultCheck, showExpected: boolean): string {
  const mark = check.ok ? 'ok  ' : 'FAIL';
  const expected = showExpected ? ` (expected ${check.expected})` : '';
  const by = check.decidedBy ? `  by ${check.decidedBy}` : '';
  return `  ${mark} ${check.ip.padEnd(20)} ${check.before} → ${check.after}${expected}${by}`;
}

function formsLines(forms: PublishForms, indent: string): string[] {
  return [
    `${indent}Zone file:     ${forms.zoneLine}`,
    `${indent}Control panel: name ${forms.name}, type TXT, value:`,
    `${indent}               ${forms.panel}`,
    `${indent}JSON:          ${JSON.stringify(forms.json)}`,
  ];
}

function formatPlan(plan: AddPlan, publish: Published | undefined, provider: Provider | undefined, noDomain: boolean): string {
  const lines: string[] = [];
  if (plan.status === 'blocked') {
    lines.push(`Domain:  ${plan.domain}`, `Sender:  ${plan.mechanism}`, 'Plan:    none — the record must be fixed first', '');
    for (const issue of plan.issues) lines.push(`  - ${issueText(issue)}`);
    return lines.join('\n') + '\n';
  }
  const source = plan.source === 'dns' ? 'published record' : plan.source === 'given' ? 'given record' : 'no record yet';
  lines.push(`Domain:  ${noDomain ? '(not given)' : plan.domain} (${source})`);
  lines.push(`Sender:  ${plan.mechanism}${provider ? ` — ${provider.name}` : ''}`);
  lines.push(`Plan:    ${STATUS_TEXT[plan.status](plan)}`);
  lines.push('', 'Why:');
  for (const reason of plan.reasons) lines.push(`  - ${reasonText(reason)}`);

  lines.push('');
  if (plan.before) lines.push(`Before:  ${plan.before.record}`, `         ${lookupsText(plan.before.lookups)}, ${plan.before.bytes} bytes`);
  else lines.push('Before:  (no SPF record)');
  lines.push(`After:   ${plan.after.record}`, `         ${lookupsText(plan.after.lookups)}, ${plan.after.bytes} bytes${plan.after.strings.length > 1 ? `, ${plan.after.strings.length} strings` : ''}`);
  if (plan.unflattened) lines.push(`         (before flattening/splitting: ${plan.unflattened})`);

  lines.push('', 'Changes:');
  for (const line of diffLines(plan.diff)) lines.push(`  ${line}`);

  if (publish && plan.status !== 'already-authorised') {
    lines.push('', 'Publish:');
    lines.push(...formsLines(publish.main, '  '));
    for (const sub of publish.subRecords) {
      lines.push('', `  Sub-record ${sub.name}:`);
      lines.push(...formsLines(sub, '  '));
    }
  }
  if (plan.flattening) {
    lines.push('', 'Flattening:');
    for (const f of plan.flattening.flattened) lines.push(`  ${f.term} (${lookupsText(f.cost)}) → ${f.ranges.join(' ') || '(no addresses)'}`);
    for (const k of plan.flattening.kept) {
      if (k.reason.code === 'not-static') lines.push(`  kept ${k.term} (${lookupsText(k.cost)}): ${staticProblemText(k.reason.problem)}`);
    }
  }

  const v = plan.verification;
  lines.push('', `Verification: ${v.ok ? 'passed' : 'FAILED'}`);
  for (const check of v.testIps) lines.push(checkLine(check, false));
  for (const check of v.outside) lines.push(checkLine(check, true));
  if (v.samples.length > 0) lines.push(`  ${v.samples.filter((s) => s.ok).length} of ${v.samples.length} flattened sample addresses unchanged`);
  lines.push(`  ${v.lookups.ok ? 'ok  ' : 'FAIL'} ${v.lookups.count} of ${v.lookups.limit} DNS lookups${v.lookups.complete ? '' : ' (not exact)'}`);
  for (const issue of v.issues) lines.push(`  - ${verificationIssueText(issue)}`);

  if (plan.warnings.length > 0 || noDomain) {
    lines.push('', 'Warnings:');
    if (noDomain) lines.push(`  - No domain given: "a", "mx" and sub-record names refer to ${NO_DOMAIN}; give the domain for exact results.`);
    for (const warning of plan.warnings) lines.push(`  - ${warningText(warning)}`);
  }
  if (provider && (provider.additional.length > 0 || provider.dkim || provider.note)) {
    lines.push('', `${provider.name}:`);
    for (const extra of provider.additional) lines.push(`  - also ${extra.mechanism} (${extra.purpose})${extra.note ? `: ${extra.note}` : ''}`);
    for (const s of provider.dkim?.selectors ?? []) {
      lines.push(`  - DKIM: ${s.selector}._domainkey ${s.type}${s.target ? ` ${s.target}` : ''}${s.note ? ` (${s.note})` : ''}`);
    }
    if (provider.note) lines.push(`  - ${provider.note}`);
    lines.push(`  - Documentation: ${provider.docs}`);
  }
  return lines.join('\n') + '\n';
}

function lookupsText(count: number): string {
  return `${count} DNS lookup${count === 1 ? '' : 's'}`;
}
