/**
 * `spfkit verdict`: will this mail be accepted? The DMARC outcome of a sending setup from
 * DNS (src/app/verdict.ts), as text or JSON. Exit 0 when DMARC passes, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { verdictReport, type VerdictReport } from '../app/verdict.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { VerdictInputError } from '../verdict/predict.ts';
import type { DkimSigner, VerdictInputIssue } from '../verdict/types.ts';
import { describeVerdictInputIssue } from '../verdict/words.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, SMTP_CLIENT_OPTIONS, DEFAULT_DEADLINE_SECONDS, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { loadCatalogue } from './sender-options.ts';
import { codeSpans, terminalPaint, type Paint } from './terminal.ts';

const FIELD_OPTION: Readonly<Record<VerdictInputIssue['field'], string>> = { ip: '--ip', helo: '--helo', mailFrom: '--mail-from', fromDomain: '--from', dkim: '--dkim', provider: '--provider' };

/** `--dkim d=klant.nl,s=cv1` (either order; `;` or `,` between). */
function parseDkimOption(text: string): DkimSigner | undefined {
  const parts = new Map<string, string>();
  for (const part of text.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq === -1) return undefined;
    parts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const domain = parts.get('d');
  const selector = parts.get('s');
  return domain === undefined || selector === undefined || parts.size !== 2 ? undefined : { domain, selector };
}

/**
 * `spfkit verdict`; resolves with the exit code.
 *
 * @example
 * await verdictCommand(['--ip', '212.83.209.204', '--helo', 'mail.coachview.net', '--mail-from', 'info@klant.nl', '--from', 'klant.nl'], io); // 0 or 1
 */
export async function verdictCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...SMTP_CLIENT_OPTIONS,
      from: { type: 'string' },
      dkim: { type: 'string', multiple: true },
      provider: { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: false,
  });
  void positionals;
  if (values.help) {
    io.stdout(helpText('help.verdict', values.lang, io.env));
    return EXIT.ok;
  }
  const lang = langOption(values.lang, io.env);
  for (const [option, value] of [['--ip', values.ip], ['--from', values.from]] as const) {
    if (value === undefined) throw usage('verdict.input.required', { name: option });
  }
  const dkim: DkimSigner[] = [];
  for (const text of values.dkim ?? []) {
    const signer = parseDkimOption(text);
    if (signer === undefined) throw usage('verdict.input.dkim-format', { value: text });
    dkim.push(signer);
  }
  const catalogue = await loadCatalogue();
  const input = { ip: values.ip ?? '', helo: values.helo ?? '', mailFrom: values['mail-from'] ?? '', fromDomain: values.from ?? '', dkim, ...(values.provider !== undefined ? { provider: values.provider } : {}) };
  const dns = await resolverFromOptions(values, { deadline: values.deadline, fallback: DEFAULT_DEADLINE_SECONDS });
  let report: VerdictReport;
  try {
    report = await verdictReport(input, { resolver: dns.resolver, catalogue, lang });
  } catch (error) {
    await dns.finish();
    if (!(error instanceof VerdictInputError)) throw error;
    const known = catalogue.providers.map((p) => p.id);
    const issues = error.issues;
    throw new UsageError((lang) => issues.map((issue) => describeVerdictInputIssue(issue, lang, (field, index) => (field === 'dkim' && index !== undefined ? `--dkim #${index + 1}` : FIELD_OPTION[field]), known)).join(' '));
  }
  await dns.finish();
  io.stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : formatVerdict(report, lang, terminalPaint(io, values['no-color'])));
  return deadlineExit(dns, io, lang, report.prediction.dmarc.result === 'pass' ? EXIT.ok : EXIT.notPass);
}

const RESULT_COLOUR = { pass: 'green', fail: 'red', none: 'yellow', temperror: 'magenta' } as const;

/** The text report: headline, SPF, DKIM, policy, notes, RFC 7489, then the fixes with their records. */
function formatVerdict(report: VerdictReport, lang: Lang, paint: Paint): string {
  const { words, prediction } = report;
  const text = (line: string): string => codeSpans(line, paint);
  const lines = [paint(RESULT_COLOUR[prediction.dmarc.result], paint('bold', text(words.headline))), ''];
  for (const line of words.spf) lines.push(`  ${text(line)}`);
  for (const group of words.dkim) group.forEach((line, i) => lines.push(`${i === 0 ? '  ' : '    '}${text(line)}`));
  if (words.policy) lines.push(`  ${text(words.policy)}`);
  for (const note of words.notes) lines.push(`  ${paint('dim', text(note))}`);
  if (words.rfc7489) lines.push(`  ${paint('yellow', text(words.rfc7489))}`);
  lines.push('', paint('bold', t(lang, 'verdict.cli.fixes')));
  if (words.fixes.length === 0) lines.push(`  ${t(lang, 'verdict.cli.none')}`);
  for (const fix of words.fixes) {
    lines.push(`  • ${text(fix.text)}`);
    for (const record of fix.records) lines.push(`      ${record.name}. ${record.type} ${record.type === 'TXT' ? JSON.stringify(record.value) : `${record.value}.`}`);
  }
  return lines.join('\n') + '\n';
}
