/**
 * The scheduler: takes the domains that are due from the store, checks them with bounded
 * concurrency (checkAndStore), and plans each one's next check (schedule.ts). It never
 * throws out of its loop: a DNS failure is a stored could-not-check check that is retried
 * within the hour, a store failure is logged and the round is tried again after a pause.
 *
 * The clock is passed in (`now`, `sleep`), so tests drive it without waiting. Several
 * processes may share one store; each check is stored whole, and a domain two schedulers
 * took at once is merely checked twice.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { mapConcurrent } from '../bulk/pool.ts';
import type { CheckDomainOptions } from './check.ts';
import { dnsFailed } from './check.ts';
import { type CheckOutcome, checkAndStore } from './run.ts';
import { DEFAULT_SCHEDULE_POLICY, type Schedule, type SchedulePolicy, effectiveSchedule, nextDue, parseSchedule } from './schedule.ts';
import { type MonitorStore, NotWatchedError } from './store.ts';
import { DEFAULT_SCHEDULE, type WatchedDomain } from './types.ts';

/** Time, as the scheduler sees it. */
export interface SchedulerClock {
  now(): Date;
  /** Resolves after `ms`, or early when `signal` aborts (never rejects). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: SchedulerClock = {
  now: () => new Date(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};

/** Where the scheduler reports; pino's `(object, message)` shape, so a Fastify logger fits. */
export interface SchedulerLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface SchedulerOptions {
  store: MonitorStore;
  /** DNS and the catalogue for each check (the time comes from `clock`). */
  check: Omit<CheckDomainOptions, 'now'>;
  clock?: SchedulerClock;
  /** Checks in flight at once (default 8). */
  concurrency?: number;
  /** Domains taken from the store per round (default 500). */
  batch?: number;
  /** Pause between rounds when nothing was due (default 30 s): domains added elsewhere are seen this late at most. */
  idleMs?: number;
  /** Pause after a round the store failed (default 30 s). */
  errorPauseMs?: number;
  policy?: SchedulePolicy;
  /** Cron time zone (default UTC). */
  timezone?: string;
  log?: SchedulerLog;
  /** Called with every stored check (alerts hang here). Its errors are logged, not thrown. */
  onChecked?: (outcome: CheckOutcome) => void | Promise<void>;
}

/** What one round did. */
export interface RoundReport {
  /** Domains checked and stored. */
  checked: number;
  /** Domains whose check or storing failed (retried later). */
  failed: number;
  /** Domains planned without a check (new, or their schedule changed). */
  planned: number;
  /** The batch was full: more may be due right away. */
  full: boolean;
}

/** Which domains "check now" checks. */
export type CheckTarget = { domain: string } | { group: string } | { all: true };

/** One domain of a "check now". */
export type CheckNowResult = { domain: string; outcome: CheckOutcome } | { domain: string; error: string };

export interface Scheduler {
  /** One round: plan the unplanned domains, check the due ones, plan them again. */
  round(): Promise<RoundReport>;
  /** Runs rounds until `stop()` or `signal` aborts. A second start while running does nothing. */
  start(signal?: AbortSignal): void;
  /** Stops after the checks in flight; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Checks the target's domains now (with the same concurrency), whatever their schedule, yielding each result. */
  checkNow(target: CheckTarget): AsyncGenerator<CheckNowResult>;
}

const silent: SchedulerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Makes a scheduler over a store.
 *
 * @example
 * const scheduler = createScheduler({ store, check: { resolver, catalogue }, log: app.log });
 * scheduler.start();
 * // …
 * await scheduler.stop();
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const concurrency = options.concurrency ?? 8;
  const batch = options.batch ?? 500;
  const idleMs = options.idleMs ?? 30_000;
  const errorPauseMs = options.errorPauseMs ?? 30_000;
  const policy = options.policy ?? DEFAULT_SCHEDULE_POLICY;
  const log = options.log ?? silent;
  const checkOptions: CheckDomainOptions = { ...options.check, now: () => clock.now() };
  const parsed = new Map<string, Schedule>();
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;

  /** The domain's schedule; an unusable one (stored by an older or foreign writer) falls back to daily, once logged. */
  function scheduleOf(domain: WatchedDomain, groups: Readonly<Record<string, string>>): Schedule {
    const text = effectiveSchedule(domain, groups);
    const known = parsed.get(text);
    if (known) return known;
    const result = parseSchedule(text, options.timezone === undefined ? {} : { timezone: options.timezone });
    let schedule: Schedule;
    if (result.ok) schedule = result.schedule;
    else {
      log.warn({ domain: domain.domain, schedule: text, code: result.issue.code }, 'unusable monitor schedule, checking daily instead');
      const daily = parseSchedule(DEFAULT_SCHEDULE);
      if (!daily.ok) throw new Error('the default schedule does not parse');
      schedule = daily.schedule;
    }
    parsed.set(text, schedule);
    return schedule;
  }

  /** When the domain is due after `last` (or as a new domain); null when never again. */
  function plan(domain: WatchedDomain, groups: Readonly<Record<string, string>>, last: { at: string; failed: boolean; minTtl?: number } | undefined): string | null {
    const due = nextDue(
      {
        domain: domain.domain,
        schedule: scheduleOf(domain, groups),
        addedAt: new Date(domain.addedAt),
        ...(last ? { last: { at: new Date(last.at), failed: last.failed, ...(last.minTtl === undefined ? {} : { minTtl: last.minTtl }) } } : {}),
      },
      policy,
    );
    // A schedule that never fires again: far in the future, so it is not taken every round.
    return due === undefined ? '9999-12-31T23:59:59.999Z' : due.toISOString();
  }

  async function lastOf(domain: WatchedDomain): Promise<{ at: string; failed: boolean; minTtl?: number } | undefined> {
    if (domain.lastCheck === undefined) return undefined;
    const [check] = await store.recentChecks(domain.domain, 1);
    if (check === undefined) return undefined;
    return { at: check.checkedAt, failed: dnsFailed(check), ...(check.minTtl === undefined ? {} : { minTtl: check.minTtl }) };
  }

  /** Checks one domain and plans it again; never throws. */
  async function checkOne(domain: WatchedDomain, groups: Readonly<Record<string, string>>): Promise<CheckNowResult> {
    let result: CheckNowResult;
    let next: string | null;
    try {
      const outcome = await checkAndStore(store, domain.domain, checkOptions);
      result = { domain: domain.domain, outcome };
      next = plan(domain, groups, { at: outcome.check.checkedAt, failed: dnsFailed(outcome.check), ...(outcome.check.minTtl === undefined ? {} : { minTtl: outcome.check.minTtl }) });
      if (options.onChecked) {
        try {
          await options.onChecked(outcome);
        } catch (error) {
          log.error({ domain: domain.domain, err: messageOf(error) }, 'monitor: after-check hook failed');
        }
      }
    } catch (error) {
      if (error instanceof NotWatchedError) return { domain: domain.domain, error: messageOf(error) };
      log.error({ domain: domain.domain, err: messageOf(error) }, 'monitor check failed; retrying later');
      result = { domain: domain.domain, error: messageOf(error) };
      next = plan(domain, groups, { at: clock.now().toISOString(), failed: true });
    }
    try {
      await store.setNextDue([{ domain: domain.domain, at: next }]);
    } catch (error) {
      log.error({ domain: domain.domain, err: messageOf(error) }, 'monitor: could not plan the next check');
    }
    return result;
  }

  async function round(): Promise<RoundReport> {
    const now = clock.now();
    const groups = await store.groupSchedules();
    const taken = await store.dueDomains(now.toISOString(), batch);
    const due: WatchedDomain[] = [];
    const planned: Array<{ domain: string; at: string | null }> = [];
    for (const domain of taken) {
      if (domain.nextDueAt !== undefined) {
        due.push(domain);
        continue;
      }
      const at = plan(domain, groups, await lastOf(domain));
      if (at !== null && at <= now.toISOString()) due.push(domain);
      else planned.push({ domain: domain.domain, at });
    }
    await store.setNextDue(planned);
    let checked = 0;
    let failed = 0;
    const signal = controller?.signal;
    // Stop taking new domains once stopped; the checks in flight finish and are stored.
    function* untilStopped(): Generator<WatchedDomain> {
      for (const domain of due) {
        if (signal?.aborted) return;
        yield domain;
      }
    }
    for await (const result of mapConcurrent(untilStopped(), concurrency, (domain) => checkOne(domain, groups))) {
      if ('outcome' in result) checked++;
      else failed++;
    }
    return { checked, failed, planned: planned.length, full: taken.length >= batch };
  }

  async function run(signal: AbortSignal): Promise<void> {
    log.info({ concurrency, batch }, 'monitor scheduler started');
    while (!signal.aborted) {
      let pause = idleMs;
      try {
        const report = await round();
        if (report.checked + report.failed > 0) log.info({ ...report }, 'monitor round');
        // A full batch: more may be due now. Not when checks failed (a store failing each save would spin).
        if (report.full && report.failed === 0) pause = 0;
      } catch (error) {
        log.error({ err: messageOf(error) }, 'monitor round failed; trying again');
        pause = errorPauseMs;
      }
      if (pause > 0 && !signal.aborted) await clock.sleep(pause, signal);
    }
    log.info({}, 'monitor scheduler stopped');
  }

  async function* checkNow(target: CheckTarget): AsyncGenerator<CheckNowResult> {
    const groups = await store.groupSchedules();
    let domains: WatchedDomain[];
    if ('domain' in target) {
      const one = await store.getDomain(target.domain);
      if (one === undefined) {
        yield { domain: target.domain, error: new NotWatchedError(target.domain).message };
        return;
      }
      domains = [one];
    } else domains = await store.listDomains('group' in target ? { group: target.group } : {});
    yield* mapConcurrent(domains, concurrency, (domain) => checkOne(domain, groups));
  }

  return {
    round,
    start(signal) {
      if (loop !== undefined) return;
      const own = new AbortController();
      controller = own;
      if (signal) {
        if (signal.aborted) own.abort();
        else signal.addEventListener('abort', () => own.abort(), { once: true });
      }
      loop = run(own.signal).finally(() => {
        loop = undefined;
        controller = undefined;
      });
    },
    async stop() {
      controller?.abort();
      await loop;
    },
    checkNow,
  };
}

/**
 * Asks for a check of the target's domains at the next round of whichever scheduler runs
 * on the store (the server's, say), without checking here: for "check now" from the CLI or
 * an HTTP route while the server runs. Returns how many domains were marked.
 *
 * @example
 * await requestCheck(store, { group: 'reseller-x' }, new Date()); // 2
 */
export async function requestCheck(store: MonitorStore, target: CheckTarget, now: Date): Promise<number> {
  const names = 'domain' in target ? ((await store.getDomain(target.domain)) ? [target.domain] : []) : (await store.listDomains('group' in target ? { group: target.group } : {})).map((d) => d.domain);
  const at = now.toISOString();
  await store.setNextDue(names.map((domain) => ({ domain, at })));
  return names.length;
}
