/**
 * `spfkit monitor add|remove|import|list|check|events|export|token|copy`: the shell over the
 * monitor's use cases (src/app/monitor.ts) on the store in the data folder (`--data`,
 * SPFKIT_DATA_DIR, XDG_DATA_HOME, ~/.local/share/spfkit). Exit codes as elsewhere: 0 done,
 * 1 problems found (a domain to act on, import rows not imported), 2 usage or input error.
 */
import { access, open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_PAGE,
  ImportHeaderError,
  MAX_PAGE,
  NotWatchedDomainsError,
  PROBLEM_SITUATIONS,
  PageError,
  type WatchRequest,
  addWatched,
  checkWatched,
  exportWatched,
  importWatched,
  issueText,
  listMonitorEvents,
  listWatched,
  removeWatched,
  whatIfIssueText,
  whatIfReasonText,
  whatIfWatched,
} from '../app/monitor.ts';
import { splitLines } from '../bulk/csv.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { serviceName } from '../monitor/check.ts';
import { openStore, storeLocation } from '../monitor/open.ts';
import type { MonitorStore } from '../monitor/store.ts';
import { CopyTargetNotEmptyError, copyStore } from '../monitor/copy.ts';
import { openSqliteStore } from '../monitor/sqlite-store.ts';
import { createToken } from '../monitor/tokens.ts';
import { WHAT_IF_LIMITS } from '../monitor/what-if.ts';
import { DigestSettingError, digestSettings, runDigest } from '../monitor/digest.ts';
import { EVENT_KINDS, MONITOR_SITUATIONS, type MonitorSituation, type StoredEvent, type WatchedService } from '../monitor/types.ts';
import type { ProviderCatalogue } from '../record/providers.ts';
import { COMMAND_OPTIONS, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import type { UsageError} from './io.ts';
import { DOMAIN_SORTS } from '../monitor/store.ts';
import { type CliIo, EXIT, helpText, usage } from './io.ts';
import { loadCatalogue } from './sender-options.ts';

const OPTIONS = {
  ...COMMAND_OPTIONS,
  data: { type: 'string' },
  // add
  provider: { type: 'string', multiple: true },
  mechanism: { type: 'string', multiple: true },
  'test-ip': { type: 'string', multiple: true },
  dkim: { type: 'string', multiple: true },
  customer: { type: 'string' },
  label: { type: 'string' },
  schedule: { type: 'string' },
  // list, events, export
  situation: { type: 'string' },
  search: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
  sort: { type: 'string' },
  order: { type: 'string' },
  domain: { type: 'string' },
  kind: { type: 'string' },
  after: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  // check
  concurrency: { type: 'string' },
  // copy
  from: { type: 'string' },
  // what-if
  policy: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true; allowPositionals: true }>>['values'];

const MAX_CONCURRENCY = 256;

/** A whole number option within 0…limit (or 1…limit), or the fallback. */
function numberOption(values: Values, name: 'offset' | 'limit' | 'after' | 'concurrency', fallback: number | undefined, limit: number, min = 0): number | undefined {
  const text = values[name];
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > limit) throw usage('monitor.usage.bad-number', { option: `--${name}`, text, limit });
  return n;
}

/** A PageError from the use cases as a usage error in words. */
function pageUsage(error: PageError): UsageError {
  switch (error.field) {
    case 'situation':
      return usage('monitor.usage.bad-situation', { text: error.value, values: [...MONITOR_SITUATIONS, 'unchecked'] });
    case 'kind':
      return usage('monitor.usage.bad-kind', { text: error.value, values: [...EVENT_KINDS] });
    case 'sort':
      return usage('monitor.usage.bad-sort', { text: error.value, values: [...DOMAIN_SORTS] });
    case 'order':
      return usage('monitor.usage.bad-order', { text: error.value });
    case 'offset':
    case 'limit':
      return usage('monitor.usage.bad-number', { option: `--${error.field}`, text: error.value, limit: error.field === 'limit' ? MAX_PAGE : Number.MAX_SAFE_INTEGER });
    default: {
      const never: never = error.field;
      throw new Error(`unhandled field ${String(never)}`);
    }
  }
}

async function openCliStore(values: Values, io: CliIo): Promise<MonitorStore> {
  try {
    return await openStore(storeLocation({ env: io.env, cwd: process.cwd(), ...(values.data !== undefined ? { dataDir: values.data } : {}) }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw usage('monitor.usage.store', { detail });
  }
}

export async function monitorCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  const [sub, ...rest] = positionals;
  if (values.help || sub === 'help') {
    io.stdout(helpText('help.monitor', values.lang, io.env));
    return EXIT.ok;
  }
  const lang = langOption(values.lang, io.env);
  if (sub === undefined) throw usage('monitor.usage.subcommand', {});
  const SUBCOMMANDS = ['add', 'remove', 'import', 'list', 'check', 'events', 'export', 'token', 'copy', 'what-if', 'digest'];
  if (!SUBCOMMANDS.includes(sub)) throw usage('monitor.usage.subcommand', { text: sub });
  const store = await openCliStore(values, io);
  try {
    const catalogue = await loadCatalogue();
    const deps = { store, catalogue, now: () => new Date() };
    switch (sub) {
      case 'add':
        return await addSub(deps, values, rest, io, lang);
      case 'remove':
        return await removeSub(deps, values, rest, io, lang);
      case 'import':
        return await importSub(deps, values, rest, io, lang);
      case 'list':
        return await listSub(deps, values, io, lang);
      case 'check':
        return await checkSub(deps, values, rest, io, lang);
      case 'events':
        return await eventsSub(deps, values, io, lang);
      case 'export':
        return await exportSub(deps, values, io);
      case 'token':
        return await tokenSub(deps, values, rest, io, lang);
      case 'copy':
        return await copySub(deps, values, rest, io, lang);
      case 'what-if':
        return await whatIfSub(deps, values, rest, io, lang);
      case 'digest':
        return await digestSub(deps, rest, io, lang);
      default:
        throw usage('monitor.usage.subcommand', { text: sub });
    }
  } catch (error) {
    if (error instanceof PageError) throw pageUsage(error);
    if (error instanceof NotWatchedDomainsError) throw usage('monitor.usage.not-watched', { domains: error.domains });
    throw error;
  } finally {
    await store.close();
  }
}

interface Deps {
  store: MonitorStore;
  catalogue: ProviderCatalogue;
  now: () => Date;
}

function oneDomain(rest: readonly string[]): string {
  if (rest.length === 0) throw usage('monitor.usage.domain-required');
  if (rest.length > 1) throw usage('monitor.usage.one-domain', { text: rest.join(' ') });
  return rest[0] as string;
}

async function addSub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const domain = oneDomain(rest);
  const testIps = values['test-ip'];
  const withIps = (s: WatchedService): WatchedService => (testIps === undefined ? s : { ...s, testIps });
  const services: WatchedService[] = [...(values.provider ?? []).map((provider) => withIps({ provider })), ...(values.mechanism ?? []).map((mechanism) => withIps({ mechanism }))];
  const request: WatchRequest = { domain, services, dkimSelectors: values.dkim ?? [] };
  if (values.customer !== undefined) request.customerId = values.customer;
  if (values.label !== undefined) request.label = values.label;
  if (values.schedule !== undefined) request.schedule = values.schedule;
  const added = await addWatched(deps, request);
  if (!added.ok) throw usage('monitor.usage.invalid', { problems: added.issues.map((i) => issueText(lang, i, deps.catalogue)) });
  if (values.json) {
    io.stdout(JSON.stringify({ outcome: added.outcome, domain: added.domain }) + '\n');
  } else {
    const what = added.domain.services.map(serviceName).join(', ');
    io.stdout(t(lang, added.outcome === 'added' ? 'monitor.added' : 'monitor.updated', { domain: added.domain.domain, what }) + '\n');
  }
  return EXIT.ok;
}

async function removeSub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const domain = oneDomain(rest);
  if (!(await removeWatched(deps, domain))) throw usage('monitor.usage.not-watched', { domains: [domain] });
  io.stdout(values.json ? JSON.stringify({ removed: domain }) + '\n' : t(lang, 'monitor.removed', { domain }) + '\n');
  return EXIT.ok;
}

async function importSub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  if (rest.length !== 1) throw rest.length === 0 ? usage('monitor.usage.file-required') : usage('monitor.usage.one-domain', { text: rest.join(' ') });
  const path = rest[0] as string;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw usage('monitor.usage.file-unreadable', { name: path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  let summary;
  try {
    summary = await importWatched(deps, splitLines(handle.createReadStream({ autoClose: false })));
  } catch (error) {
    if (error instanceof ImportHeaderError) throw usage('monitor.usage.no-domain-column', { names: error.columns });
    throw error;
  } finally {
    await handle.close();
  }
  const errors = summary.errors.map((e) => ({ line: e.line, issues: e.issues.map((i) => ({ ...i, message: issueText(lang, i, deps.catalogue) })) }));
  if (values.json) {
    io.stdout(JSON.stringify({ added: summary.added, updated: summary.updated, errors }) + '\n');
  } else {
    for (const e of errors) io.stderr(t(lang, 'monitor.import.row', { line: e.line, text: e.issues.map((i) => i.message).join(' ') }) + '\n');
    io.stdout(t(lang, 'monitor.import.summary', { added: summary.added, updated: summary.updated, count: errors.length }) + '\n');
  }
  return errors.length > 0 ? EXIT.notPass : EXIT.ok;
}

function situationWord(lang: Lang, situation: MonitorSituation | 'unchecked'): string {
  return t(lang, `monitor.situation.${situation}`);
}

/** Rows as aligned columns (the last column is not padded). */
function table(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n') + '\n';
}

async function listSub(deps: Deps, values: Values, io: CliIo, lang: Lang): Promise<number> {
  const page = await listWatched(deps, {
    ...(values.situation !== undefined ? { situation: values.situation } : {}),
    ...(values.search !== undefined ? { search: values.search } : {}),
    ...(values.sort !== undefined ? { sort: values.sort } : {}),
    ...(values.order !== undefined ? { order: values.order } : {}),
    offset: numberOption(values, 'offset', 0, Number.MAX_SAFE_INTEGER) as number,
    limit: numberOption(values, 'limit', DEFAULT_PAGE, MAX_PAGE, 1) as number,
  });
  if (values.json) {
    io.stdout(JSON.stringify(page) + '\n');
    return EXIT.ok;
  }
  const rows = page.domains.map((d) => [d.domain, situationWord(lang, d.lastCheck?.situation ?? 'unchecked'), d.lastCheck?.checkedAt ?? '', d.customerId ?? '', d.label ?? '']);
  if (rows.length > 0) io.stdout(table([t(lang, 'monitor.list.header').split('|'), ...rows]));
  io.stdout(t(lang, 'monitor.list.summary', { count: page.domains.length, total: page.total, offset: page.offset }) + '\n');
  return EXIT.ok;
}

function eventLine(lang: Lang, event: StoredEvent): string {
  const alarm = event.alarm === undefined ? '' : ` [${t(lang, event.alarm === 'open' ? 'monitor.event.alarm-open' : 'monitor.event.alarm-close')}]`;
  const subject = event.subject === '' ? '' : ` ${event.subject}`;
  const change = event.before === event.after ? '' : `: ${JSON.stringify(event.before)} → ${JSON.stringify(event.after)}`;
  return `${event.at}  ${event.domain}${subject}  ${t(lang, `monitor.event.${event.kind}`)}${alarm}${change}`;
}

async function checkSub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const concurrency = numberOption(values, 'concurrency', 16, MAX_CONCURRENCY, 1) as number;
  const dns = await resolverFromOptions(values);
  const started = performance.now();
  const results: Array<{ domain: string; situation: MonitorSituation; checkId: number; recordToPublish?: string; events: StoredEvent[] }> = [];
  for await (const { check, events } of checkWatched(deps, rest, { resolver: dns.resolver, concurrency })) {
    results.push({ domain: check.domain, situation: check.situation, checkId: check.id, ...(check.recordToPublish ? { recordToPublish: check.recordToPublish } : {}), events });
    if (!values.json) {
      io.stdout(`${check.domain}  ${situationWord(lang, check.situation)}  (${t(lang, 'monitor.check.events', { count: events.length })})\n`);
      if (check.recordToPublish) io.stdout(`  ${t(lang, 'monitor.check.publish', { text: check.recordToPublish })}\n`);
      for (const event of events) io.stdout(`  ${eventLine(lang, event)}\n`);
    }
  }
  await dns.finish();
  const seconds = (performance.now() - started) / 1000;
  const problems = results.filter((r) => PROBLEM_SITUATIONS.includes(r.situation)).length;
  if (values.json) {
    const situations = Object.fromEntries(MONITOR_SITUATIONS.map((s) => [s, results.filter((r) => r.situation === s).length]));
    io.stdout(JSON.stringify({ checked: results.length, situations, results }) + '\n');
  } else {
    io.stderr((results.length === 0 ? t(lang, 'monitor.check.nothing') : t(lang, 'monitor.check.summary', { count: results.length, seconds })) + '\n');
  }
  return problems > 0 ? EXIT.notPass : EXIT.ok;
}

async function eventsSub(deps: Deps, values: Values, io: CliIo, lang: Lang): Promise<number> {
  const after = numberOption(values, 'after', undefined, Number.MAX_SAFE_INTEGER);
  const events = await listMonitorEvents(deps, {
    ...(values.domain !== undefined ? { domain: values.domain } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(after !== undefined ? { afterId: after } : {}),
    limit: numberOption(values, 'limit', DEFAULT_PAGE, MAX_PAGE, 1) as number,
  });
  if (values.json) io.stdout(JSON.stringify(events) + '\n');
  else io.stdout(events.length === 0 ? t(lang, 'monitor.events.none') + '\n' : events.map((e) => eventLine(lang, e) + '\n').join(''));
  return EXIT.ok;
}

async function exportSub(deps: Deps, values: Values, io: CliIo): Promise<number> {
  const byName = values.out === undefined ? undefined : /\.(jsonl|ndjson)$/i.test(values.out) ? 'jsonl' : /\.csv$/i.test(values.out) ? 'csv' : 'unknown';
  const asked = values.format ?? byName ?? 'csv';
  if (asked !== 'csv' && asked !== 'jsonl') throw usage('monitor.usage.export-format', { text: values.format ?? values.out ?? '' });
  const lines = exportWatched(deps, asked, { ...(values.situation !== undefined ? { situation: values.situation } : {}), ...(values.search !== undefined ? { search: values.search } : {}) });
  if (values.out === undefined) {
    for await (const line of lines) io.stdout(line);
    return EXIT.ok;
  }
  const path = values.out;
  let file;
  try {
    file = await open(path, 'w');
  } catch (error) {
    throw usage('monitor.usage.unwritable', { name: path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  try {
    for await (const line of lines) await file.write(line);
  } finally {
    await file.close();
  }
  return EXIT.ok;
}

async function tokenSub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const [action, ...args] = rest;
  switch (action) {
    case 'create': {
      if (args.length > 0) throw usage('monitor.usage.token');
      const { token, stored } = await createToken(deps.store, { now: deps.now, ...(values.label !== undefined ? { label: values.label } : {}) });
      io.stdout(values.json ? JSON.stringify({ token, ...stored }) + '\n' : t(lang, 'monitor.token.created', { token, id: stored.id }) + '\n');
      return EXIT.ok;
    }
    case 'list': {
      const tokens = await deps.store.listTokens();
      if (values.json) io.stdout(JSON.stringify(tokens) + '\n');
      else io.stdout(tokens.length === 0 ? t(lang, 'monitor.token.none') + '\n' : tokens.map((k) => t(lang, 'monitor.token.row', { id: k.id, when: k.createdAt, text: k.label ?? '' }) + '\n').join(''));
      return EXIT.ok;
    }
    case 'revoke': {
      const text = args[0] ?? '';
      const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
      if (args.length !== 1 || !(await deps.store.removeToken(id))) throw usage('monitor.usage.token-id', { text: args.join(' ') });
      io.stdout(values.json ? JSON.stringify({ revoked: id }) + '\n' : t(lang, 'monitor.token.revoked', { id }) + '\n');
      return EXIT.ok;
    }
    default:
      throw usage('monitor.usage.token');
  }
}

/** `copy --from <data folder>`: the SQLite store there into the store the settings name (DATABASE_URL or --data). */
async function copySub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  if (values.from === undefined || rest.length > 0) throw usage('monitor.usage.copy');
  const source = storeLocation({ env: {}, cwd: process.cwd(), dataDir: values.from });
  if (source.kind !== 'sqlite') throw usage('monitor.usage.copy');
  // Opening a SQLite store creates it: a folder without one is a mistake, not an empty copy.
  if (!(await access(source.file).then(() => true, () => false))) throw usage('monitor.usage.copy-no-source', { name: source.file });
  const from = await openSqliteStore({ file: source.file });
  try {
    const count = await copyStore(from, deps.store);
    io.stdout(values.json ? JSON.stringify(count) + '\n' : t(lang, 'monitor.copy.done', { name: source.file, domainCount: count.domains, checkCount: count.checks, eventCount: count.events }) + '\n');
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CopyTargetNotEmptyError) throw usage('monitor.usage.copy-not-empty', { domainCount: error.domains });
    throw error;
  } finally {
    await from.close();
  }
}

/** `monitor what-if --provider <id> --policy "<record>"`: the customers a provider's candidate record would affect. Exit 1 when any. */
async function whatIfSub(deps: Deps, values: Values, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const provider = values.provider ?? [];
  if (provider.length !== 1 || values.policy === undefined || rest.length > 0) throw usage('monitor.usage.what-if');
  const concurrency = numberOption(values, 'concurrency', 16, MAX_CONCURRENCY, 1) as number;
  const dns = await resolverFromOptions(values);
  const outcome = await whatIfWatched(deps, provider[0] as string, values.policy, { resolver: dns.resolver, concurrency });
  await dns.finish();
  if (!outcome.ok) throw usage('monitor.usage.invalid-what-if', { text: whatIfIssueText(lang, outcome.issue, deps.catalogue) });
  const { report } = outcome;
  if (values.json) {
    io.stdout(JSON.stringify(report) + '\n');
    return report.affected.length > 0 ? EXIT.notPass : EXIT.ok;
  }
  const c = report.candidate;
  io.stdout(t(lang, 'monitor.what-if.candidate', { target: c.target, lookups: c.lookups, bytes: c.bytes, strings: c.strings.length, ...(c.current ? { current: c.current.lookups } : {}) }) + '\n');
  if (c.overRecordLimit) io.stdout(t(lang, 'monitor.what-if.too-long', { bytes: c.bytes, limit: WHAT_IF_LIMITS.recordBytes }) + '\n');
  for (const customer of report.affected) {
    const who = [customer.customerId, customer.label].filter((x) => x !== undefined).join(' ');
    const already = customer.already ? ` (${t(lang, 'monitor.what-if.already')})` : '';
    io.stdout(`${customer.domain}${who ? `  ${who}` : ''}${already}\n`);
    for (const reason of customer.reasons) io.stdout(`  ${whatIfReasonText(lang, reason, customer)}\n`);
  }
  io.stderr(t(lang, 'monitor.what-if.summary', { checked: report.checked, affected: report.affected.length, provider: report.provider }) + '\n');
  return report.affected.length > 0 ? EXIT.notPass : EXIT.ok;
}

/** `monitor digest`: send the operators' digest of the events since the last one now (SPFKIT_DIGEST_* settings). Exit 1 when every delivery failed. */
async function digestSub(deps: Deps, rest: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  if (rest.length > 0) throw usage('monitor.usage.digest');
  let settings;
  try {
    settings = digestSettings(io.env);
  } catch (error) {
    if (error instanceof DigestSettingError) throw usage('monitor.usage.digest-setting', { detail: error.message });
    throw error;
  }
  if (settings === undefined) throw usage('monitor.usage.digest');
  const run = await runDigest(deps.store, settings);
  switch (run.kind) {
    case 'started':
      io.stdout(t(lang, 'monitor.digest.started') + '\n');
      return EXIT.ok;
    case 'nothing':
      io.stdout(t(lang, 'monitor.digest.nothing') + '\n');
      return EXIT.ok;
    case 'taken':
      io.stdout(t(lang, 'monitor.digest.taken') + '\n');
      return EXIT.ok;
    case 'sent':
    case 'failed':
      for (const result of run.results) io.stdout((result.ok ? t(lang, 'monitor.digest.sent', { email: result.email }) : t(lang, 'monitor.digest.not-sent', { email: result.email, detail: result.error })) + '\n');
      io.stderr(t(lang, run.kind === 'sent' ? 'monitor.digest.summary' : 'monitor.digest.failed', { count: run.events }) + '\n');
      return run.kind === 'sent' ? EXIT.ok : EXIT.notPass;
    default: {
      const never: never = run;
      throw new Error(`unhandled digest run ${String(never)}`);
    }
  }
}
