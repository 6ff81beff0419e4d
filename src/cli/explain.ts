/**
 * `spfkit explain`: an SPF record in words, term by term — given as text, or fetched from
 * a domain's TXT records.
 */
import { parseArgs } from 'node:util';
import { t } from '../i18n/catalog.ts';
import { type Lang, type LocaleEnv, isLang, localeLang } from '../i18n/lang.ts';
import { type RecordExplanation, explainRecord, renderRecordExplanation } from '../spf/describe.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import { isSpfRecordText } from '../spf/parse.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, DEFAULT_DEADLINE_SECONDS, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { codeSpans, terminalPaint } from './terminal.ts';

/** Why a domain's record could not be explained. */
type DomainProblemCode = 'nxdomain' | 'nodata' | 'no-spf' | 'multiple-records' | 'timeout' | 'servfail';

/** The JSON of `--domain` mode. */
interface DomainExplanation {
  domain: string;
  problem?: { code: DomainProblemCode; message: string };
  /** One explanation per SPF record found (normally exactly one). */
  records: RecordExplanation[];
}

/**
 * Reads `--lang`, shared by every command; without it, the terminal's locale decides
 * (LC_ALL, LC_MESSAGES, LANG: `LANG=nl_NL.UTF-8` → nl).
 *
 * @example
 * langOption('nl', {}) // 'nl'
 * langOption(undefined, { LANG: 'nl_NL.UTF-8' }) // 'nl'
 * langOption(undefined, {}) // 'en'
 */
export function langOption(value: string | undefined, env: LocaleEnv): Lang {
  if (value === undefined) return localeLang(env);
  if (!isLang(value)) throw usage('usage.lang', { text: value });
  return value;
}

/**
 * `spfkit explain "<record>"` or `spfkit explain --domain <d>`; resolves with the exit code.
 *
 * @example
 * await explainCommand(['v=spf1 include:spf.byte.nl ~all', '--lang', 'nl'], io); // 0
 */
export async function explainCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      domain: { type: 'string' },
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(helpText('help.explain', values.lang, io.env));
    return EXIT.ok;
  }
  const lang = langOption(values.lang, io.env);
  if (positionals.length > 1) throw usage('usage.explain.one-argument');
  const [record] = positionals;

  if (values.domain === undefined) {
    if (record === undefined) throw usage('usage.explain.record-or-domain');
    // Nothing to explain (as `check --policy ""`): an input error, not a record with a syntax problem.
    if (record.trim() === '') throw usage('usage.explain.empty-record');
    if (values.dns || values.zone || values.record || values.timeout) throw usage('usage.explain.dns-only-with-domain');
    const x = explainRecord(record, { lang });
    io.stdout(values.json ? JSON.stringify(x, null, 2) + '\n' : renderRecordExplanation(x, { lang, title: t(lang, 'cli.explain.record', {}), words: terminalWords(io) }));
    return publishable(x) ? EXIT.ok : EXIT.notPass;
  }

  if (record !== undefined) throw usage('usage.explain.not-both');
  const domain = canonicalDomain(values.domain.trim());
  const problem = domainProblem(domain);
  if (problem !== undefined) {
    const text = values.domain;
    throw new UsageError((lang) => t(lang, 'usage.explain.bad-domain', { text, problem: t(lang, `spf.domain.${problem}`) }));
  }

  const dns = await resolverFromOptions(values, { deadline: values.deadline, fallback: DEFAULT_DEADLINE_SECONDS });
  const answer = await dns.resolver.query(domain, 'TXT');
  await dns.finish();
  const out: DomainExplanation = { domain, records: [] };
  const lines: string[] = [];
  const fail = (code: DomainProblemCode, message: string): void => {
    out.problem = { code, message };
    lines.push(message);
  };
  const ref = { domain, via: [] };
  switch (answer.kind) {
    case 'timeout':
    case 'servfail': {
      const params = { record: ref, name: domain, type: 'TXT', ...(answer.detail ? { detail: answer.detail } : {}) };
      fail(answer.kind, answer.kind === 'timeout' ? t(lang, 'spf.reason.dns-timeout', params) : t(lang, 'spf.reason.dns-servfail', params));
      break;
    }
    case 'nxdomain':
    case 'nodata':
      fail(answer.kind, `${t(lang, 'spf.headline.none', { domain })} ${t(lang, `spf.reason.no-record-${answer.kind}`, { domain })}`);
      break;
    case 'answer': {
      // RFC 7208 §3.3: the character-strings of one TXT record are joined without spaces.
      const spf = answer.records.map((strings) => strings.join('')).filter(isSpfRecordText);
      if (spf.length === 0) fail('no-spf', `${t(lang, 'spf.headline.none', { domain })} ${t(lang, 'spf.reason.no-record-no-spf', { domain })}`);
      if (spf.length > 1) fail('multiple-records', t(lang, 'spf.reason.multiple-records', { record: ref, count: spf.length }));
      out.records = spf.map((text) => explainRecord(text, { lang, domain }));
      break;
    }
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }

  if (values.json) {
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    const title = t(lang, 'cli.explain.record', { domain });
    const words = terminalWords(io);
    if (lines.length > 0) io.stdout(lines.map(words).join('\n') + '\n' + (out.records.length > 0 ? '\n' : ''));
    io.stdout(out.records.map((x) => renderRecordExplanation(x, { lang, title, words })).join('\n'));
  }
  return deadlineExit(dns, io, lang, out.problem === undefined && out.records.every(publishable) ? EXIT.ok : EXIT.notPass);
}

/** The catalogue's code markup as the terminal shows it (coloured there, plain in a pipe). */
function terminalWords(io: CliIo): (message: string) => string {
  const paint = terminalPaint(io);
  return (message) => codeSpans(message, paint);
}

/** Exit 0 only for a record that parses and fits (RFC 7208 §3.4); the notes say which it is not. */
function publishable(x: RecordExplanation): boolean {
  return x.ok && !x.size.tooLong;
}
