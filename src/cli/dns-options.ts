/**
 * The options every command shares: --json, --lang, --help and the DNS options --dns,
 * --timeout, --deadline, --zone, --record. Builds the resolver a command uses and, with
 * --record, saves the answers it used afterwards.
 *
 * --deadline bounds a whole command (issue 17.3: `add … --timeout 300` ran 365 s): once it
 * passes, every DNS question still open or asked later answers `timeout` ("deadline of N ms
 * exceeded"), so the command finishes with what it knows — an SPF check is temperror with that
 * cause, never "no record" (RFC 7208 §2.6.6) — says "deadline reached" and exits non-zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import { type BudgetResolver, budgetResolver } from '../dns/budget.ts';
import { cachingResolver } from '../dns/cache.ts';
import { recordingResolver } from '../dns/recorder.ts';
import type { Resolver } from '../dns/resolver.ts';
import { parseDnsServer, systemResolver } from '../dns/system.ts';
import { type ResolverProbe, resolverProbe } from '../dns/health.ts';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { type CliIo, EXIT, usage } from './io.ts';

/** Seconds a command may take in all unless --deadline says otherwise (bulk: no default). */
export const DEFAULT_DEADLINE_SECONDS = 60;
/** The largest --deadline: a day. */
const MAX_DEADLINE_SECONDS = 86_400;

export const DNS_OPTIONS = {
  dns: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  zone: { type: 'string' },
  record: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** --deadline: the one-shot commands take it (check, explain, audit, add, bulk), not the daemons. */
export const DEADLINE_OPTION = {
  deadline: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** The SMTP client of a message: --ip, --helo, --mail-from (verdict, message). */
export const SMTP_CLIENT_OPTIONS = {
  ip: { type: 'string' },
  helo: { type: 'string' },
  'mail-from': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** How a command is bounded in time: the --deadline text, and its default in seconds. */
export interface DeadlineValues {
  deadline?: string | undefined;
  /** Without --deadline (`DEFAULT_DEADLINE_SECONDS`; none for bulk, whose runs are as long as their input). */
  fallback?: number;
}

/** --json, --lang, --help and the DNS options: what every command takes. */
export const COMMAND_OPTIONS = {
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  ...DNS_OPTIONS,
} as const satisfies ParseArgsConfig['options'];

export interface DnsOptionValues {
  dns?: string[];
  timeout?: string;
  zone?: string;
  record?: string;
}

export interface CliDns {
  resolver: Resolver;
  /** Probes the resolver the --dns servers (or the system's) stand for; none with --zone. */
  probe?: ResolverProbe;
  /** The whole command's deadline in seconds (--deadline), when it has one. */
  deadlineSeconds?: number;
  /** True once the deadline passed while DNS answers were still wanted. */
  deadlineReached(): boolean;
  /** Writes the --record file, if one was asked for, and drops the DNS queries still out. */
  finish(): Promise<void>;
}

/** The --deadline in seconds: a number > 0 (fractions allowed), at most a day. */
function deadlineOption(text: string | undefined, fallback: number | undefined): number | undefined {
  if (text === undefined) return fallback;
  const seconds = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= MAX_DEADLINE_SECONDS)) throw usage('usage.dns.deadline', { text, max: MAX_DEADLINE_SECONDS });
  return seconds;
}

/** The resolver of a command from its DNS options, bounded by `time` when given (--deadline). */
export async function resolverFromOptions(values: DnsOptionValues, time: DeadlineValues = {}): Promise<CliDns> {
  const deadlineSeconds = deadlineOption(time.deadline, time.fallback);
  let timeout: number | undefined;
  if (values.timeout !== undefined) {
    timeout = Number(values.timeout);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60000) throw usage('usage.dns.timeout', { text: values.timeout });
  }
  let base: Resolver;
  let cancel = (): void => undefined;
  let probe: ResolverProbe | undefined;
  if (values.zone !== undefined) {
    if (values.dns) throw usage('usage.dns.zone-and-dns');
    let text: string;
    try {
      text = await readFile(values.zone, 'utf8');
    } catch (error) {
      throw usage('usage.dns.zone-unreadable', { name: values.zone, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    try {
      base = zoneResolver(zoneFromText(text), { log: false });
    } catch (error) {
      throw usage('usage.dns.zone-invalid', { name: values.zone, detail: (error as Error).message });
    }
  } else {
    for (const server of values.dns ?? []) {
      try {
        parseDnsServer(server);
      } catch (error) {
        throw usage('usage.dns.server', { name: server, detail: (error as Error).message });
      }
    }
    const system = systemResolver({ ...(values.dns ? { servers: values.dns } : {}), ...(timeout !== undefined ? { timeout } : {}) });
    cancel = () => system.cancel();
    base = system;
    probe = resolverProbe({ ...(values.dns ? { servers: values.dns } : {}), ...(timeout !== undefined ? { timeout } : {}) });
  }
  const cached = cachingResolver(base);
  const probed = probe ? { probe } : {};
  const recorder = values.record === undefined ? undefined : recordingResolver(cached);
  const inner = recorder ?? cached;
  // The deadline is outermost: the recorder keeps only real answers, never the deadline's timeouts.
  const timed: BudgetResolver | undefined = deadlineSeconds === undefined ? undefined : budgetResolver(inner, { deadlineMs: Math.round(deadlineSeconds * 1000) });
  const path = values.record;
  return {
    resolver: timed ?? inner,
    ...probed,
    ...(deadlineSeconds === undefined ? {} : { deadlineSeconds }),
    deadlineReached: () => (timed?.stats.expired ?? 0) > 0,
    finish: async () => {
      cancel();
      if (recorder === undefined || path === undefined) return;
      try {
        await writeFile(path, recorder.toText());
      } catch (error) {
        throw usage('usage.dns.unwritable', { name: path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    },
  };
}

/**
 * A command's last step once it has printed what it knows: when the deadline was reached, a
 * "deadline reached" line on stderr and an exit code that is not 0.
 *
 * @example
 * return deadlineExit(dns, io, lang, check.result === 'pass' ? EXIT.ok : EXIT.notPass);
 */
export function deadlineExit(dns: CliDns, io: CliIo, lang: Lang, code: number): number {
  if (!dns.deadlineReached() || dns.deadlineSeconds === undefined) return code;
  io.stderr(t(lang, 'cli.deadline-reached', { seconds: dns.deadlineSeconds }) + '\n');
  return code === EXIT.ok ? EXIT.notPass : code;
}
