/**
 * `spfkit policyd`: the Postfix policy service (src/policyd) as a command. Without `--listen`
 * it serves one connection on stdin/stdout (Postfix's spawn(8) connects both to the client);
 * with `--listen inet:HOST:PORT` or `unix:PATH` it is a daemon until SIGTERM/SIGINT.
 * Settings come from `--config` (policyd-spf's format), then `--set Name=value` and the named
 * flags, which are the same settings under the same names, read by the same parser.
 */
import { createWriteStream } from 'node:fs';
import { lstat, readFile, unlink } from 'node:fs/promises';
import { type Socket, connect } from 'node:net';
import { hostname } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { t } from '../i18n/catalog.ts';
import { type Lang, DEFAULT_LANG } from '../i18n/lang.ts';
import { type ConfigIssue, type ConfigValues, isConfigError, parseConfig } from '../policyd/config.ts';
import type { PolicyDecision } from '../policyd/decide.ts';
import { formatDecisionLog } from '../policyd/log.ts';
import { type ListenAddress, type ServiceOptions, listenPolicy, parseListenAddress, servePolicyStream } from '../policyd/service.ts';
import { defaultSettings } from '../policyd/settings.ts';
import { recordCache } from '../spf/record-cache.ts';
import { DNS_OPTIONS, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import { type CliIo, EXIT, helpText, usage } from './io.ts';

/** The named flags and the config-file setting each one sets. */
const FLAG_SETTINGS = {
  'helo-reject': 'HELO_reject',
  'mail-from-reject': 'Mail_From_reject',
  'header-type': 'Header_Type',
  receiver: 'Receiver',
  deadline: 'Deadline',
  'on-failure': 'Failure_Action',
  'why-url': 'Why_URL',
  'log-format': 'Log_Format',
} as const;

const flagOptions = Object.fromEntries(Object.keys(FLAG_SETTINGS).map((flag) => [flag, { type: 'string' as const }])) as Record<keyof typeof FLAG_SETTINGS, { type: 'string' }>;

/** The process parts a daemon needs beyond CliIo; tests and main.ts use the real ones. */
export interface PolicydHost {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Where SIGTERM/SIGINT arrive. */
  signals: Pick<NodeJS.Process, 'once' | 'off'>;
  /** Ends the process with its exit code, if something still holds it a while after the service stopped. */
  exitSoon: () => void;
}

/** How long the process may linger after the service stopped (DNS queries whose answer nobody awaits). */
const LINGER_MS = 1000;

const PROCESS_HOST: PolicydHost = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
  exitSoon: () => void setTimeout(() => process.exit(), LINGER_MS).unref(),
};

export async function policydCommand(args: string[], io: CliIo, host: PolicydHost = PROCESS_HOST): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      listen: { type: 'string' },
      config: { type: 'string' },
      set: { type: 'string', multiple: true },
      ...flagOptions,
      log: { type: 'string' },
      'check-config': { type: 'boolean', default: false },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      ...DNS_OPTIONS,
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(helpText('help.policyd', values.lang, io.env));
    return EXIT.ok;
  }
  // The operator's words (help, errors, the log) follow the locale when --lang is absent; the
  // words that go out with mail (SMTP replies, Received-SPF) only --lang or the config's Lang,
  // so a server's LANG does not change what other parties read.
  const lang = langOption(values.lang, io.env);
  const mailLang = values.lang === undefined ? DEFAULT_LANG : lang;
  const address = values.listen === undefined ? undefined : parseListenAddress(values.listen);
  if (values.listen !== undefined && address === undefined) throw usage('usage.policyd.listen', { text: values.listen });

  // The file first, then --set and the flags in the order given: the last word wins.
  const found: { where: string; issue: ConfigIssue }[] = [];
  const merged: ConfigValues = { settings: {} };
  const take = (text: string, where: (line: number) => string): void => {
    const { values: read, issues } = parseConfig(text);
    Object.assign(merged.settings, read.settings);
    if (read.logFormat) merged.logFormat = read.logFormat;
    for (const issue of issues) found.push({ where: where(issue.line), issue });
  };
  if (values.config !== undefined) {
    const file = values.config;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw usage('usage.policyd.config-unreadable', { name: file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    take(text, (line) => `${file}:${line}`);
  }
  for (const item of values.set ?? []) {
    if (!/^[^=]+=/.test(item)) throw usage('usage.policyd.set-syntax', { text: item });
    take(item, () => '--set');
  }
  for (const [flag, name] of Object.entries(FLAG_SETTINGS) as [keyof typeof FLAG_SETTINGS, string][]) {
    const value = values[flag];
    if (value !== undefined) take(`${name} = ${value}`, () => `--${flag}`);
  }
  const errors = found.filter((f) => isConfigError(f.issue));
  const warnings = found.filter((f) => !isConfigError(f.issue));
  const where = values.config ?? '--set';

  if (values['check-config']) {
    for (const f of found) io.stderr(`spfkit policyd: ${describeConfigIssue(f.issue, f.where, lang)}\n`);
    if (errors.length > 0) return EXIT.usage;
    io.stdout(`${t(lang, 'policyd.config.ok', { where, count: Object.keys(merged.settings).length + (merged.logFormat ? 1 : 0) })}\n`);
    return EXIT.ok;
  }
  if (errors.length > 0) {
    // One line per problem (the dispatcher prints a single line; a file may have several).
    for (const f of errors) io.stderr(`spfkit policyd: ${describeConfigIssue(f.issue, f.where, lang)}\n`);
    io.stderr(`spfkit policyd: ${t(lang, 'usage.policyd.config-errors', { count: errors.length })}\n`);
    return EXIT.usage;
  }

  const settings = { ...defaultSettings({ receiver: hostname() }), lang: mailLang, ...merged.settings };
  if (merged.settings.receiver !== undefined && merged.settings.authservId === undefined) settings.authservId = merged.settings.receiver;
  const log = await openLog(values.log ?? (address ? 'stderr' : 'none'), host);
  for (const w of warnings) log.note(describeConfigIssue(w.issue, w.where, lang));
  const dns = await resolverFromOptions(values);
  const format = merged.logFormat ?? 'mail';
  const options: ServiceOptions = {
    settings,
    context: { resolver: dns.resolver, now: () => performance.now(), records: recordCache() },
    onDecision: (decision: PolicyDecision) => log.line(formatDecisionLog(decision, format)),
  };
  try {
    if (!address) {
      await servePolicyStream(host.stdin, host.stdout, options, () => host.stdin.destroy());
      return EXIT.ok;
    }
    await serveDaemon(address, options, host, log, lang);
    return EXIT.ok;
  } finally {
    await log.close();
    await dns.finish();
    // A DNS query abandoned at the deadline may run on for its own timeout (several seconds
    // with retries): a stopped service does not wait for it.
    host.exitSoon();
  }
}

/** Runs the daemon until SIGTERM or SIGINT, then closes the listener and every connection. */
async function serveDaemon(address: ListenAddress, options: ServiceOptions, host: PolicydHost, log: LogSink, lang: Lang): Promise<void> {
  const shown = showAddress(address);
  if (address.kind === 'unix') await removeStaleSocket(address.path);
  const server = await listenPolicy(address, options).catch((error: NodeJS.ErrnoException) => {
    throw usage('usage.policyd.listen-failed', { text: shown, detail: error.code ?? error.message });
  });
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  const bound = server.address();
  const actual = address.kind === 'inet' && bound !== null && typeof bound === 'object' ? showAddress({ ...address, port: bound.port }) : shown;
  log.note(t(lang, 'policyd.cli.listening', { text: actual }));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      host.signals.off('SIGTERM', stop);
      host.signals.off('SIGINT', stop);
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    };
    host.signals.once('SIGTERM', stop);
    host.signals.once('SIGINT', stop);
  });
}

/** An address in Postfix's notation, as given. */
function showAddress(address: ListenAddress): string {
  if (address.kind === 'unix') return `unix:${address.path}`;
  return `inet:${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

/** A socket file left by a daemon that died is removed; one a live daemon answers on is kept (listen then fails). */
async function removeStaleSocket(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isSocket()) return;
  const alive = await new Promise<boolean>((resolve) => {
    const probe = connect({ path });
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (!alive) await unlink(path).catch(() => {});
}

export function describeConfigIssue(issue: ConfigIssue, where: string, lang: Lang): string {
  switch (issue.code) {
    case 'syntax':
      return t(lang, 'policyd.config.syntax', { where, text: issue.text });
    case 'unknown-setting':
      return t(lang, 'policyd.config.unknown-setting', { where, name: issue.name });
    case 'bad-value':
      return t(lang, 'policyd.config.bad-value', { where, name: issue.name, value: issue.value, expected: issue.expected });
    case 'ignored':
      return t(lang, 'policyd.config.ignored', { where, name: issue.name });
    default: {
      const never: never = issue;
      return never;
    }
  }
}

interface LogSink {
  /** A decision line. */
  line(text: string): void;
  /** A start-up note (listening, ignored settings). */
  note(text: string): void;
  close(): Promise<void>;
}

/** `stderr`, `none`, or a file appended to (lines stamped with the time; stderr is stamped by journald or the caller). */
async function openLog(target: string, host: PolicydHost): Promise<LogSink> {
  if (target === 'none') return { line: () => {}, note: () => {}, close: async () => {} };
  if (target === 'stderr') {
    const write = (text: string): void => void host.stderr.write(`spfkit policyd: ${text}\n`);
    return { line: write, note: write, close: async () => {} };
  }
  const stream = createWriteStream(target, { flags: 'a' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(usage('usage.policyd.log-unwritable', { name: target, detail: error.code ?? error.message })));
  });
  // A later write error (disk full) must not stop the service; the decision was answered.
  stream.on('error', () => {});
  const write = (text: string): void => void stream.write(`${new Date().toISOString()} spfkit-policyd[${process.pid}]: ${text}\n`);
  return { line: write, note: write, close: () => new Promise((resolve) => stream.end(() => resolve())) };
}
