/**
 * `spfkit add`: plan adding a sending service to a domain's SPF record — what to publish,
 * in the forms people publish it in, verified before anything changes in DNS.
 */
import { parseArgs } from 'node:util';
import { type AddPlan, type AddPlanReady, addSender } from '../record/add.ts';
import type { Provider } from '../record/providers.ts';
import { type PublishForms, diffLines, publishForms } from '../record/publish.ts';
import type { AddIssue } from '../record/reasons.ts';
import type { ResultCheck, VerificationIssue } from '../record/verify.ts';
import { describeIssue, describeReason, describeStaticProblem, describeWarning } from '../record/words.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/catalog.ts';
import { langOption } from './explain.ts';
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
  --lang en|nl                language of the reasons, warnings and issues (default en)
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
      lang: { type: 'string' },
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
  const lang = langOption(values.lang);

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
    if (input.length > 0) throw new UsageError(input.map((i) => describeIssue(i, lang)).join('; '));
  }
  const owner = givenDomain === undefined ? '@' : domain;
  const publish = plan.status === 'blocked' ? undefined : publishAll(plan, owner, ttl);
  if (values.json) {
    io.stdout(JSON.stringify({ plan, publish, provider }, null, 2) + '\n');
  } else {
    io.stdout(formatPlan(plan, publish, provider, givenDomain === undefined, lang));
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
// Words. The plan's reasons, warnings and issues are worded by src/record/words.ts (in
// --lang); the labels and verification lines below are still English only.

const INPUT_ISSUES = new Set<AddIssue['code']>(['mechanism-syntax', 'mechanism-not-one-term', 'mechanism-is-modifier', 'mechanism-is-all', 'mechanism-not-pass', 'bad-domain', 'bad-test-ip']);

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

function formatPlan(plan: AddPlan, publish: Published | undefined, provider: Provider | undefined, noDomain: boolean, lang: Lang): string {
  const lines: string[] = [];
  if (plan.status === 'blocked') {
    lines.push(`Domain:  ${plan.domain}`, `Sender:  ${plan.mechanism}`, 'Plan:    none — the record must be fixed first', '');
    for (const issue of plan.issues) lines.push(`  - ${describeIssue(issue, lang)}`);
    return lines.join('\n') + '\n';
  }
  const source = plan.source === 'dns' ? 'published record' : plan.source === 'given' ? 'given record' : 'no record yet';
  lines.push(`Domain:  ${noDomain ? '(not given)' : plan.domain} (${source})`);
  lines.push(`Sender:  ${plan.mechanism}${provider ? ` — ${provider.name}` : ''}`);
  lines.push(`Plan:    ${STATUS_TEXT[plan.status](plan)}`);
  lines.push('', 'Why:');
  for (const reason of plan.reasons) lines.push(`  - ${describeReason(reason, lang)}`);

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
      if (k.reason.code === 'not-static') lines.push(`  kept ${k.term} (${lookupsText(k.cost)}): ${describeStaticProblem(k.reason.problem, lang)}`);
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
    if (noDomain) lines.push(`  - ${t(lang, 'add.warning.no-domain', { domain: NO_DOMAIN })}`);
    for (const warning of plan.warnings) lines.push(`  - ${describeWarning(warning, lang)}`);
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
