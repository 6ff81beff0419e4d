/**
 * `spfkit add`: plan adding a sending service to a domain's SPF record — what to publish,
 * in the forms people publish it in, verified before anything changes in DNS.
 */
import { parseArgs } from 'node:util';
import { type AddPlan, type AddPlanReady, addSender } from '../record/add.ts';
import type { Provider } from '../record/providers.ts';
import { type PublishForms, diffLines, publishForms } from '../record/publish.ts';
import type { AddIssue } from '../record/reasons.ts';
import type { ResultCheck } from '../record/verify.ts';
import { describeIssue, describeReason, describeStaticProblem, describeVerificationIssue, describeWarning } from '../record/words.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/catalog.ts';
import { PROVIDER_TEXTS_NL } from '../i18n/providers.nl.ts';
import { langOption } from './explain.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, DEFAULT_DEADLINE_SECONDS, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { SENDER_OPTIONS, chooseSender } from './sender-options.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { type Paint, codeSpans, terminalPaint } from './terminal.ts';

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
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(helpText('help.add', values.lang, io.env));
    return EXIT.ok;
  }
  if (positionals.length > 1) throw usage('usage.add.one-domain', { text: positionals.join(' ') });
  const givenDomain = positionals[0];
  if (givenDomain === undefined && values.policy === undefined) throw usage('usage.add.domain-or-policy');
  const domain = givenDomain ?? NO_DOMAIN;
  const lang = langOption(values.lang, io.env);

  const sender = await chooseSender(values);
  let ttl: number | undefined;
  if (values.ttl !== undefined) {
    ttl = Number(values.ttl);
    // RFC 2181 §8: a TTL is an unsigned 31-bit number of seconds.
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > 0x7fffffff) throw usage('usage.add.ttl', { text: values.ttl });
  }

  const { provider, mechanism } = sender;
  const testIps = values['test-ip'] ?? provider?.testIps ?? [];

  const dns = await resolverFromOptions(values, { deadline: values.deadline, fallback: DEFAULT_DEADLINE_SECONDS });
  const plan = await addSender(
    { domain, mechanism, testIps, ...(values.policy !== undefined ? { record: values.policy } : {}) },
    { resolver: dns.resolver, allPolicy: values['keep-no-all'] ? 'keep' : 'add-softfail' },
  );
  await dns.finish();

  if (plan.status === 'blocked') {
    const input = plan.issues.filter((i) => INPUT_ISSUES.has(i.code));
    if (input.length > 0) throw new UsageError((inLang) => input.map((i) => describeIssue(i, inLang)).join('; '));
  }
  // Sub-records are named under the domain (`_spf.<domain>`): without it there is nothing
  // that could be published, only placeholders — ask for the domain instead.
  if (givenDomain === undefined && plan.status !== 'blocked' && plan.subRecords.length > 0) {
    throw usage('usage.add.needs-domain');
  }
  const owner = givenDomain === undefined ? '@' : domain;
  const publish = plan.status === 'blocked' ? undefined : publishAll(plan, owner, ttl);
  if (values.json) {
    io.stdout(JSON.stringify({ plan, publish, provider }, null, 2) + '\n');
  } else {
    io.stdout(formatPlan(plan, publish, provider, givenDomain === undefined, lang, terminalPaint(io)));
  }
  if (plan.status === 'blocked') return deadlineExit(dns, io, lang, EXIT.notPass);
  return deadlineExit(dns, io, lang, plan.verification.ok ? EXIT.ok : EXIT.notPass);
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
// Words. The plan's reasons, warnings and issues are worded by src/record/words.ts, the
// labels and lines below by the catalogue's `cli.add.*` keys — all in --lang.

const INPUT_ISSUES = new Set<AddIssue['code']>(['mechanism-syntax', 'mechanism-not-one-term', 'mechanism-is-modifier', 'mechanism-is-all', 'mechanism-not-pass', 'bad-domain', 'bad-test-ip']);

/** Labels in a column padded to the longest of their group, so the values line up in every language. */
function labeller(labels: readonly string[], gap: number): { width: number; line: (label: string, value: string) => string } {
  const width = Math.max(...labels.map((l) => l.length)) + 1 + gap;
  return { width, line: (label, value) => `${`${label}:`.padEnd(width)}${value}` };
}

function planText(plan: AddPlanReady, lang: Lang): string {
  switch (plan.status) {
    case 'added':
      return t(lang, 'cli.add.plan.added', { mechanism: plan.added ?? plan.mechanism });
    case 'created':
      return t(lang, 'cli.add.plan.created', { mechanism: plan.added ?? plan.mechanism });
    case 'already-authorised':
      return t(lang, 'cli.add.plan.already-authorised', { mechanism: plan.mechanism, ...(plan.coveredBy ? { term: plan.coveredBy } : {}) });
    default: {
      const never: never = plan.status;
      throw new Error(`unhandled status ${String(never)}`);
    }
  }
}

function checkLine(check: ResultCheck, showExpected: boolean, lang: Lang): string {
  const mark = markText(check.ok, lang);
  const expected = showExpected ? ` ${t(lang, 'cli.add.expected', { expected: check.expected })}` : '';
  const by = check.decidedBy ? `  ${t(lang, 'cli.add.decided-by', { term: check.decidedBy })}` : '';
  return `  ${mark} ${check.ip.padEnd(20)} ${check.before} → ${check.after}${expected}${by}`;
}

function markText(ok: boolean, lang: Lang): string {
  const okText = t(lang, 'cli.add.mark.ok');
  const fail = t(lang, 'cli.add.mark.fail');
  return (ok ? okText : fail).padEnd(Math.max(okText.length, fail.length));
}

function formsLines(forms: PublishForms, indent: string, lang: Lang): string[] {
  const { width, line } = labeller([t(lang, 'cli.add.label.zone-file'), t(lang, 'cli.add.label.control-panel'), t(lang, 'cli.add.label.json')], 1);
  return [
    `${indent}${line(t(lang, 'cli.add.label.zone-file'), forms.zoneLine)}`,
    `${indent}${line(t(lang, 'cli.add.label.control-panel'), t(lang, 'cli.add.panel-value', { name: forms.name, type: 'TXT' }))}`,
    `${indent}${' '.repeat(width)}${forms.panel}`,
    `${indent}${line(t(lang, 'cli.add.label.json'), JSON.stringify(forms.json))}`,
  ];
}

function formatPlan(plan: AddPlan, publish: Published | undefined, provider: Provider | undefined, noDomain: boolean, lang: Lang, paint: Paint): string {
  const lines: string[] = [];
  // The plan's sentences may carry code markup; records and publish forms are shown as they are.
  const words = (text: string): string => codeSpans(text, paint);
  const labels = {
    domain: t(lang, 'cli.add.label.domain'),
    sender: t(lang, 'cli.add.label.sender'),
    plan: t(lang, 'cli.add.label.plan'),
    before: t(lang, 'cli.add.label.before'),
    after: t(lang, 'cli.add.label.after'),
  };
  const { width, line } = labeller(Object.values(labels), 2);
  const indent = ' '.repeat(width);
  if (plan.status === 'blocked') {
    lines.push(line(labels.domain, plan.domain), line(labels.sender, plan.mechanism), line(labels.plan, t(lang, 'cli.add.plan.blocked')), '');
    for (const issue of plan.issues) lines.push(`  - ${words(describeIssue(issue, lang))}`);
    return lines.join('\n') + '\n';
  }
  const source = t(lang, plan.source === 'dns' ? 'cli.add.source.dns' : plan.source === 'given' ? 'cli.add.source.given' : 'cli.add.source.none');
  lines.push(line(labels.domain, `${noDomain ? t(lang, 'cli.add.domain.not-given') : plan.domain} (${source})`));
  lines.push(line(labels.sender, `${plan.mechanism}${provider ? ` — ${provider.name}` : ''}`));
  lines.push(line(labels.plan, planText(plan, lang)));
  lines.push('', t(lang, 'cli.add.why'));
  for (const reason of plan.reasons) lines.push(`  - ${words(describeReason(reason, lang))}`);

  lines.push('');
  if (plan.before) lines.push(line(labels.before, plan.before.record), `${indent}${t(lang, 'cli.add.size', { count: plan.before.lookups, bytes: plan.before.bytes })}`);
  else lines.push(line(labels.before, t(lang, 'cli.add.no-record')));
  lines.push(line(labels.after, plan.after.record), `${indent}${t(lang, 'cli.add.size', { count: plan.after.lookups, bytes: plan.after.bytes, strings: plan.after.strings.length })}`);
  if (plan.unflattened) lines.push(`${indent}${t(lang, 'cli.add.unflattened', { text: plan.unflattened })}`);

  lines.push('', t(lang, 'cli.add.changes'));
  for (const diff of diffLines(plan.diff)) lines.push(`  ${diff}`);

  if (publish && plan.status !== 'already-authorised') {
    lines.push('', t(lang, 'cli.add.publish'));
    lines.push(...formsLines(publish.main, '  ', lang));
    for (const sub of publish.subRecords) {
      lines.push('', `  ${t(lang, 'cli.add.sub-record', { name: sub.name })}`);
      lines.push(...formsLines(sub, '  ', lang));
    }
  }
  if (plan.flattening) {
    lines.push('', t(lang, 'cli.add.flattening'));
    for (const f of plan.flattening.flattened) lines.push(`  ${t(lang, 'cli.add.flattened', { term: f.term, count: f.cost, ranges: f.ranges })}`);
    for (const k of plan.flattening.kept) {
      if (k.reason.code === 'not-static') lines.push(`  ${words(t(lang, 'cli.add.kept', { term: k.term, count: k.cost, problem: describeStaticProblem(k.reason.problem, lang) }))}`);
    }
  }

  const v = plan.verification;
  lines.push('', t(lang, v.ok ? 'cli.add.verification.passed' : 'cli.add.verification.failed'));
  for (const check of v.testIps) lines.push(checkLine(check, false, lang));
  for (const check of v.outside) lines.push(checkLine(check, true, lang));
  if (v.samples.length > 0) lines.push(`  ${t(lang, 'cli.add.samples', { unchanged: v.samples.filter((s) => s.ok).length, total: v.samples.length })}`);
  lines.push(`  ${markText(v.lookups.ok, lang)} ${t(lang, 'cli.add.lookup-count', { count: v.lookups.count, limit: v.lookups.limit, exact: v.lookups.complete })}`);
  for (const issue of v.issues) lines.push(`  - ${words(describeVerificationIssue(issue, lang))}`);

  const alt = plan.alternative;
  if (alt) {
    lines.push('', t(lang, 'cli.add.alternative', { mechanisms: alt.mechanisms, replaces: alt.replaces }));
    lines.push(`  ${alt.after.record}`, `  ${t(lang, 'cli.add.size', { count: alt.after.lookups, bytes: alt.after.bytes, strings: alt.after.strings.length })}`);
    lines.push(`  ${t(lang, 'cli.add.verification.passed')}`);
    for (const check of alt.verification.testIps) lines.push(`  ${checkLine(check, false, lang)}`);
    for (const check of alt.verification.outside) lines.push(`  ${checkLine(check, true, lang)}`);
    lines.push(...formsLines(publishForms(plan.domain, alt.after.record), '  ', lang));
  }

  if (plan.warnings.length > 0 || noDomain) {
    lines.push('', t(lang, 'cli.add.warnings'));
    if (noDomain) lines.push(`  - ${t(lang, 'add.warning.no-domain', { domain: NO_DOMAIN })}`);
    for (const warning of plan.warnings) lines.push(`  - ${words(describeWarning(warning, lang))}`);
  }
  if (provider && (provider.additional.length > 0 || provider.dkim || provider.note)) {
    // The provider catalogue's own texts are data in English, with their Dutch in src/i18n/providers.nl.ts.
    const dutch = lang === 'nl' ? PROVIDER_TEXTS_NL[provider.id] : undefined;
    lines.push('', `${provider.name}:`);
    for (const extra of provider.additional) {
      const note = dutch?.additional?.[extra.mechanism] ?? extra.note;
      lines.push(`  - ${t(lang, 'cli.add.provider.also', { mechanism: extra.mechanism, purpose: extra.purpose, ...(note ? { note } : {}) })}`);
    }
    for (const s of provider.dkim?.selectors ?? []) {
      const note = dutch?.dkim?.[s.selector] ?? s.note;
      lines.push(`  - DKIM: ${s.selector}._domainkey ${s.type}${s.target ? ` ${s.target}` : ''}${note ? ` (${note})` : ''}`);
    }
    if (provider.note) lines.push(`  - ${dutch?.note ?? provider.note}`);
    lines.push(`  - ${t(lang, 'cli.add.provider.docs', { url: provider.docs })}`);
  }
  return lines.join('\n') + '\n';
}
