/**
 * The command line's input errors (printed as `spfkit <command>: <message>`, exit code 2),
 * in English. The language is the command's `--lang`, read by the dispatcher even when the
 * rest of the command line does not parse.
 */
import type { AreaMessages } from './types.ts';

/** A file error (`ENOENT` …) in words; an unfamiliar code as it is. */
const fileProblem = (code: string): string =>
  ({ ENOENT: 'there is no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a directory', ENOTDIR: 'a part of the path is not a directory' })[code] ?? code;

export const usageEn = {
  // ── The dispatcher and the option parser ──────────────────────────────────────────────
  'usage.unknown-command': (p: { name: string }) => `unknown command "${p.name}" (try "spfkit --help")`,
  'usage.unknown-option': (p: { option: string }) => `unknown option ${p.option} (see --help)`,
  'usage.option-needs-value': (p: { option: string }) => `option ${p.option} needs a value`,
  'usage.option-positive': (p: { option: string; text: string }) => `option ${p.option} must be a positive number, got "${p.text}"`,
  'usage.option-takes-no-value': (p: { option: string }) => `option ${p.option} takes no value`,
  'usage.unexpected-argument': (p: { text: string }) => `unexpected argument "${p.text}"`,
  'usage.unexpected': (p: { message: string }) => `unexpected error: ${p.message}`,
  'usage.lang': (p: { text: string }) => `--lang must be en or nl, got "${p.text}"`,

  // ── spfkit check ──────────────────────────────────────────────────────────────────────
  // spfkit message (issue 13.3)
  'usage.message.one-file': () => `give one message file (or - for standard input)`,
  'usage.message.unreadable': (p: { name: string; detail: string }) => `cannot read the message file ${p.name}: ${p.detail}`,
  'usage.check.ip-required': () => `--ip is required (the sending server's address)`,
  'usage.check.sender-required': () => `--sender is required (an address, or "" to check the HELO name)`,
  'usage.check.override-syntax': (p: { text: string }) => `--override needs <domain>=<record>, got "${p.text}"`,
  'usage.check.override-not-spf': (p: { domain: string; text: string }) => `--override ${p.domain}: "${p.text}" is not an SPF record (it must start with "v=spf1")`,
  'usage.check.policy-not-spf': (p: { text: string }) => `--policy "${p.text}" is not an SPF record (it must start with "v=spf1")`,

  // ── DNS options (check, explain, audit, add, bulk) ────────────────────────────────────
  'usage.dns.timeout': (p: { text: string }) => `--timeout must be a whole number of milliseconds (1–60000), got "${p.text}"`,
  'usage.dns.deadline': (p: { text: string; max: number }) => `--deadline must be a number of seconds greater than 0 (at most ${p.max}), got "${p.text}"`,
  'usage.dns.zone-and-dns': () => `--zone and --dns exclude each other`,
  'usage.dns.zone-unreadable': (p: { name: string; detail: string }) => `cannot read zone file ${p.name}: ${fileProblem(p.detail)}`,
  'usage.dns.zone-invalid': (p: { name: string; detail: string }) => `zone file ${p.name}: ${p.detail}`,
  'usage.dns.server': (p: { name: string; detail: string }) => `--dns ${p.name}: ${p.detail}`,
  'usage.dns.unwritable': (p: { name: string; detail: string }) => `cannot write ${p.name}: ${fileProblem(p.detail)}`,

  // ── spfkit explain / audit ────────────────────────────────────────────────────────────
  'usage.explain.one-argument': () => `give the record as one argument, in quotes: spfkit explain "v=spf1 … -all"`,
  'usage.explain.record-or-domain': () => `give a record ("v=spf1 …") or --domain <domain>`,
  'usage.explain.empty-record': () => `the record is empty: give the SPF record in quotes, spfkit explain "v=spf1 … -all", or --domain <domain>`,
  'usage.explain.dns-only-with-domain': () => `the DNS options only apply with --domain`,
  'usage.explain.not-both': () => `give either a record or --domain, not both`,
  'usage.explain.bad-domain': (p: { text: string; problem: string }) => `--domain "${p.text}" is not a usable domain name: ${p.problem}`,
  'usage.audit.one-domain': () => `give one domain: spfkit audit <domain>`,
  'usage.audit.bad-domain': (p: { text: string; problem: string }) => `"${p.text}" is not a usable domain name: ${p.problem}`,
  'usage.audit.bad-selector': (p: { selector: string; detail: string }) => `--selector "${p.selector}": ${p.detail}`,

  // ── spfkit add / bulk ─────────────────────────────────────────────────────────────────
  'usage.add.one-domain': (p: { text: string }) => `one domain only, got ${p.text}`,
  'usage.add.domain-or-policy': () => `give the domain, or the record with --policy "v=spf1 …"`,
  'usage.add.needs-domain': () => `the record would be over the 450 bytes that fit (RFC 7208 §3.4), so part of it must move to sub-records named under the domain (_spf.<domain>): give the domain, spfkit add <domain> --policy "…"`,
  'usage.add.ttl': (p: { text: string }) => `--ttl must be a whole number of seconds, got "${p.text}"`,
  'usage.sender.none': () => `say which sender: --provider, --include, --ip4, --ip6, --a, --mx or --mechanism`,
  'usage.sender.several': (p: { options: string[] }) => `one sender at a time, got ${p.options.join(', ')}`,
  'usage.sender.unknown-provider': (p: { text: string; known: string[] }) => `unknown provider "${p.text}" (known: ${p.known.join(', ')})`,
  'usage.sender.catalogue-unreadable': (p: { name: string; detail: string }) => `cannot read the provider catalogue ${p.name}: ${p.detail}`,
  'usage.sender.catalogue-invalid': (p: { detail: string }) => `the provider catalogue is invalid: ${p.detail}`,
  'usage.bulk.file-required': () => `give the customer file (CSV, or one address or domain per line)`,
  'usage.bulk.one-file': (p: { text: string }) => `one customer file only, got ${p.text}`,
  'usage.bulk.concurrency': (p: { text: string; limit: number }) => `--concurrency must be a whole number from 1 to ${p.limit}, got "${p.text}"`,
  'usage.bulk.out-format': (p: { text: string }) => `--out must end in .jsonl, .ndjson or .csv, got "${p.text}"`,
  'usage.bulk.resume-needs-out': () => `--resume needs --out: the report to continue`,

  // ── spfkit policyd ────────────────────────────────────────────────────────────────────
  'usage.policyd.config-unreadable': (p: { name: string; detail: string }) => `cannot read config file ${p.name}: ${fileProblem(p.detail)}`,
  'usage.policyd.set-syntax': (p: { text: string }) => `--set needs Name=value, got "${p.text}"`,
  'usage.policyd.listen': (p: { text: string }) => `--listen needs inet:HOST:PORT or unix:PATH, got "${p.text}"`,
  'usage.policyd.listen-failed': (p: { text: string; detail: string }) => `cannot listen on ${p.text}: ${p.detail}`,
  'usage.policyd.log-unwritable': (p: { name: string; detail: string }) => `cannot write the log file ${p.name}: ${fileProblem(p.detail)}`,
  'usage.policyd.config-errors': (p: { count: number }) => `${p.count} ${p.count === 1 ? 'error' : 'errors'} in the configuration; not started`,
} satisfies AreaMessages<'usage'>;
