/**
 * `spfkit audit <domain>`: SPF, DKIM, DMARC and MX of a domain, as text grouped by area (with
 * colour on a terminal) or as JSON.
 */
import { parseArgs } from 'node:util';
import { auditDomain } from '../audit/audit.ts';
import { describeDkimIssue } from '../audit/dkim.ts';
import { AUDIT_AREAS, type AuditArea, type AuditResult, type EvidenceValue, type Finding, type Grade, type Severity, type Verdict } from '../audit/types.ts';
import { dkimName } from '../dkim/selectors.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, DEFAULT_DEADLINE_SECONDS, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import { catalogueSelectors } from '../record/providers.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { loadCatalogue } from './sender-options.ts';
import { type Colour, type Paint, codeSpans, terminalPaint } from './terminal.ts';

const AREA_LABEL: Readonly<Record<AuditArea, string>> = { spf: 'SPF', dkim: 'DKIM', dmarc: 'DMARC', mx: 'MX' };
const SEVERITY_MARK: Readonly<Record<Severity, string>> = { error: '✗', warning: '!', info: 'i' };

const SEVERITY_COLOUR: Readonly<Record<Severity, Colour>> = { error: 'red', warning: 'yellow', info: 'cyan' };
const VERDICT_COLOUR: Readonly<Record<Verdict, Colour>> = { ok: 'green', warning: 'yellow', error: 'red', unknown: 'magenta', 'not-found': 'yellow' };
const GRADE_COLOUR: Readonly<Record<Grade, Colour>> = { A: 'green', B: 'green', C: 'yellow', D: 'yellow', E: 'red', F: 'red' };

/**
 * `spfkit audit`; resolves with the exit code.
 *
 * @example
 * await auditCommand(['prezentklant.nl', '--selector', 'prezent-a', '--lang', 'nl'], io); // 0 or 1
 */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      selector: { type: 'string', short: 's', multiple: true },
      'no-color': { type: 'boolean', default: false },
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(helpText('help.audit', values.lang, io.env));
    return EXIT.ok;
  }
  const lang = langOption(values.lang, io.env);
  if (positionals.length !== 1) throw usage('usage.audit.one-domain');
  const domain = canonicalDomain((positionals[0] ?? '').trim());
  const problem = domainProblem(domain);
  if (problem !== undefined) {
    const text = positionals[0] ?? '';
    throw new UsageError((lang) => t(lang, 'usage.audit.bad-domain', { text, problem: t(lang, `spf.domain.${problem}`) }));
  }
  const selectors = values.selector ?? [];
  for (const selector of selectors) {
    const name = dkimName(selector, domain);
    const issue = name.ok ? undefined : name.issue;
    if (issue) throw new UsageError((lang) => t(lang, 'usage.audit.bad-selector', { selector, detail: describeDkimIssue(issue, lang) }));
  }

  const dns = await resolverFromOptions(values, { deadline: values.deadline, fallback: DEFAULT_DEADLINE_SECONDS });
  const probeSelectors = selectors.length === 0 ? catalogueSelectors(await loadCatalogue()) : [];
  const result = await auditDomain(domain, { resolver: dns.resolver, selectors, probeSelectors, lang, ...(dns.probe ? { probe: dns.probe } : {}) });
  await dns.finish();

  if (values.json) {
    io.stdout(JSON.stringify(result, null, 2) + '\n');
  } else {
    io.stdout(formatAudit(result, lang, terminalPaint(io, values['no-color'])));
  }
  const failed = AUDIT_AREAS.some((area) => result.areas[area].verdict === 'error' || result.areas[area].verdict === 'unknown');
  return deadlineExit(dns, io, lang, failed ? EXIT.notPass : EXIT.ok);
}

/** The text report: a title with the grade, then per area its verdict line and findings. */
function formatAudit(result: AuditResult, lang: Lang, paint: Paint): string {
  const grade = result.grade;
  const title = grade === null ? t(lang, 'audit.cli.no-grade', { domain: result.domain }) : t(lang, 'audit.cli.title', { domain: result.domain, grade: paint(GRADE_COLOUR[grade], grade) });
  const lines: string[] = [paint('bold', title), ''];
  const verdictWidth = Math.max(...(['ok', 'warning', 'error', 'unknown', 'not-found'] as const).map((v) => t(lang, `audit.verdict.${v}`).length));
  for (const area of AUDIT_AREAS) {
    const { verdict, summary, findings } = result.areas[area];
    const label = t(lang, `audit.verdict.${verdict}`);
    lines.push(`${paint('bold', AREA_LABEL[area].padEnd(6))} ${paint(VERDICT_COLOUR[verdict], label.padEnd(verdictWidth))}  ${codeSpans(summary, paint)}`);
    for (const finding of findings) lines.push(...formatFinding(finding, lang, paint));
  }
  return lines.join('\n') + '\n';
}

function formatFinding(finding: Finding, lang: Lang, paint: Paint): string[] {
  const mark = paint(SEVERITY_COLOUR[finding.severity], SEVERITY_MARK[finding.severity]);
  const lines = [`  ${mark} ${paint('dim', finding.id)}  ${codeSpans(finding.message, paint)}`];
  if (finding.fix !== undefined) lines.push(`      ${t(lang, 'audit.cli.fix')}: ${codeSpans(finding.fix, paint)}`);
  const caret = finding.evidence.caret;
  if (typeof caret === 'string') for (const line of caret.split('\n')) lines.push(`        ${line}`);
  const tree = finding.evidence.tree;
  if (isBranch(tree) && branchesOf(tree).length > 0) {
    lines.push(`      ${t(lang, 'audit.cli.tree')}:`);
    lines.push(`        ${String(tree.domain)}: ${String(tree.total)}`);
    drawBranches(branchesOf(tree), '        ', lines);
  }
  return lines;
}

/** A lookup-tree node as `lookupTreeEvidence` writes it. */
type Branch = { readonly [key: string]: EvidenceValue };

function isBranch(value: EvidenceValue | undefined): value is Branch {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function branchesOf(node: Branch): Branch[] {
  const branches = node.branches;
  return Array.isArray(branches) ? branches.filter(isBranch) : [];
}

function drawBranches(branches: readonly Branch[], indent: string, lines: string[]): void {
  branches.forEach((branch, i) => {
    const last = i === branches.length - 1;
    const stop = typeof branch.stop === 'string' ? ` (${branch.stop})` : '';
    lines.push(`${indent}${last ? '└─ ' : '├─ '}${String(branch.term)}: ${String(branch.total)}${stop}`);
    drawBranches(branchesOf(branch), indent + (last ? '   ' : '│  '), lines);
  });
}
