/**
 * `spfkit check`: evaluate the published (or a candidate) policy for an IP and a sender.
 */
import { parseArgs } from 'node:util';
import { type CheckOptions, checkHost } from '../index.ts';
import { isSpfRecordText } from '../spf/parse.ts';
import { validateCheckInput } from '../spf/evaluate.ts';
import { type Lang, t } from '../i18n/index.ts';
import { RECORD_QUOTE_LIMIT, TERM_QUOTE_LIMIT, elide } from '../i18n/format.ts';
import { lookupPtrName, recordSizeNotes } from '../spf/describe.ts';
import { measureRecord } from '../spf/size.ts';
import { type CheckExplanation, describeInputIssue, describeProblem, explainCheck } from '../spf/explain.ts';
import { type TreeNode, evaluationTree } from '../spf/tree.ts';
import { RFC_LIMITS, type SpfCheck } from '../spf/types.ts';
import { unreachableResolver } from '../app/resolver-state.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, DEFAULT_DEADLINE_SECONDS, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { type Paint, codeSpans, terminalPaint } from './terminal.ts';

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ip: { type: 'string' },
      sender: { type: 'string' },
      helo: { type: 'string' },
      policy: { type: 'string' },
      override: { type: 'string', multiple: true },
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(helpText('help.check', values.lang, io.env));
    return EXIT.ok;
  }
  const lang = langOption(values.lang, io.env);
  if (values.ip === undefined) throw usage('usage.check.ip-required');
  if (values.sender === undefined) throw usage('usage.check.sender-required');
  const input = { ip: values.ip, sender: values.sender, helo: values.helo ?? '' };
  const valid = validateCheckInput(input);
  if (!valid.ok) {
    const issues = valid.issues;
    throw new UsageError((lang) => issues.map((i) => describeInputIssue(i, lang)).join('; '));
  }

  const overrides = new Map<string, string>();
  for (const item of values.override ?? []) {
    const eq = item.indexOf('=');
    const domain = eq === -1 ? '' : item.slice(0, eq).trim();
    if (domain === '') throw usage('usage.check.override-syntax', { text: item });
    const record = item.slice(eq + 1).trim();
    if (record !== '' && !isSpfRecordText(record)) throw usage('usage.check.override-not-spf', { domain, text: record });
    overrides.set(domain, record);
  }
  if (values.policy !== undefined) {
    const policy = values.policy.trim();
    if (!isSpfRecordText(policy)) throw usage('usage.check.policy-not-spf', { text: values.policy });
    overrides.set(valid.value.domain, policy);
  }

  const dns = await resolverFromOptions(values, { deadline: values.deadline, fallback: DEFAULT_DEADLINE_SECONDS });
  const options: CheckOptions = { resolver: dns.resolver };
  if (overrides.size > 0) options.overrides = overrides;
  const check = await checkHost(input, options);
  // A temperror with no reply at all: is it spfkit's own resolver that is down?
  // Not after --deadline: the check stopped for the deadline, not for a resolver that is down.
  const down = dns.deadlineReached() ? undefined : await unreachableResolver(check, dns.probe);
  const ptrName = values.json || down ? undefined : await lookupPtrName(dns.resolver, check.ip);
  await dns.finish();
  if (values.json) io.stdout(JSON.stringify(down ? { ...check, resolver: down } : check, null, 2) + '\n');
  else io.stdout(formatCheck(check, explainCheck(check, { lang, ...(ptrName ? { ptrName } : {}), ...(down ? { resolver: down } : {}) }), lang, terminalPaint(io), candidateNotes(overrides, lang)));
  return deadlineExit(dns, io, lang, check.result === 'pass' ? EXIT.ok : EXIT.notPass);
}

/** What the size of each candidate record means for publishing it (the published ones are already out there). */
function candidateNotes(overrides: ReadonlyMap<string, string>, lang: Lang): string[] {
  return [...overrides].flatMap(([domain, record]) => (record === '' ? [] : recordSizeNotes(measureRecord(record), lang).map((note) => t(lang, 'cli.check.candidate-note', { domain, note }))));
}

function formatCheck(check: SpfCheck, explanation: CheckExplanation, lang: Lang, paint: Paint, notes: readonly string[] = []): string {
  const lines: string[] = [];
  // The catalogue's sentences carry code markup; record text, the tree and exp= text are shown as they are.
  const words = (text: string): string => codeSpans(text, paint);
  const identity = check.identity === 'helo' ? `HELO ${check.domain}` : `MAIL FROM ${check.sender}`;
  lines.push(t(lang, 'cli.check.result', { result: check.result }));
  lines.push(t(lang, 'cli.check.domain', { domain: check.domain, identity }));
  lines.push(t(lang, 'cli.check.client', { ip: check.ip }));
  lines.push('', words(explanation.headline), `${t(lang, 'cli.check.reason')}: ${words(explanation.reason)}`);
  if (explanation.advice !== undefined) lines.push(`${t(lang, 'cli.check.advice')}: ${words(explanation.advice)}`);
  if (check.explanation !== undefined) lines.push(t(lang, 'cli.check.exp', { text: check.explanation }));
  if (check.overridesUsed.length > 0) lines.push(t(lang, 'cli.check.overrides', { domains: check.overridesUsed }));
  const tree = evaluationTree(check.trace);
  if (tree) {
    lines.push('', t(lang, 'cli.check.evaluation'));
    drawNode(tree, '', lines, check, lang);
  }
  lines.push('', t(lang, 'cli.check.lookups', { count: check.lookups.terms, limit: RFC_LIMITS.dnsTerms, voidCount: check.lookups.void, voidLimit: RFC_LIMITS.voidLookups }));
  for (const p of check.problems) lines.push(t(lang, 'cli.check.problem', { domain: p.domain, problem: words(describeProblem(p, lang)) }));
  if (notes.length > 0) lines.push('', ...notes.map(words));
  return lines.join('\n') + '\n';
}

/** The include/redirect tree, one indent per level, the deciding term marked. */
function drawNode(node: TreeNode, indent: string, lines: string[], check: SpfCheck, lang: Lang): void {
  const source = node.source === 'override' ? ` ${t(lang, 'cli.check.candidate')}` : '';
  const record = node.record !== undefined ? `  "${elide(node.record, RECORD_QUOTE_LIMIT)}"` : '';
  lines.push(`${indent}${node.domain}${source}${record}${node.result ? `  → ${node.result}` : ''}`);
  node.terms.forEach((term, i) => {
    const last = i === node.terms.length - 1;
    const branch = last ? '└─ ' : '├─ ';
    const m = check.matched;
    const decided = m !== undefined && term.outcome === 'match' && m.depth === node.depth && m.span.start === term.span.start && m.domain === node.domain;
    const mark = decided
      ? `  ${t(lang, 'cli.check.decided')}`
      : term.outcome === 'match'
        ? `  ${t(lang, 'cli.check.matched-term')}`
        : term.outcome === 'error'
          ? `  ${t(lang, 'cli.check.error-term')}`
          : '';
    lines.push(`${indent}${branch}${elide(term.text, TERM_QUOTE_LIMIT)}${mark}`);
    if (term.child) drawNode(term.child, indent + (last ? '   ' : '│  '), lines, check, lang);
  });
}
