/**
 * When each watched domain is checked next. Pure functions of the domain, its schedule, its
 * last check and the time: no clock is read here, so the scheduler (scheduler.ts) and tests
 * pass the time in.
 *
 * A schedule is `daily` (the default), `hourly`, `weekly`, `every <n>m|h|d`, or a cron
 * expression (5 fields, or 6 with seconds first; read by croner, in UTC unless a time zone
 * is given). Three rules keep 100 000 domains from bursting and DNS from being asked for
 * nothing:
 *   - jitter: each domain has a fixed offset from a hash of its name. An interval schedule
 *     puts the domain on its own slot (`offset + k × interval`), so a day's checks spread
 *     evenly over the day and stay spread after a catch-up; a cron firing spreads its
 *     domains over the hour after it (or the gap to the next firing, if shorter); a new
 *     domain's first check spreads over the first hour;
 *   - a failed check (DNS did not answer, or the store failed) is retried within an hour,
 *     not a day later — two failures in a row are an event of their own (events.ts);
 *   - never sooner than the smallest TTL of the answers the last check used: nothing it saw
 *     can have changed in DNS caches before then.
 */
import { createHash } from 'node:crypto';
import { Cron } from 'croner';
import { DEFAULT_SCHEDULE, type WatchedDomain } from './types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The named intervals. */
const NAMED: Record<string, number> = { hourly: HOUR, daily: DAY, weekly: 7 * DAY };

/** The shortest interval accepted: DNS answers rarely live shorter, and 100 000 domains every few seconds is a flood. */
export const MIN_INTERVAL_MS = 5 * MINUTE;

/** A schedule, parsed. */
export type Schedule = { kind: 'interval'; text: string; ms: number } | { kind: 'cron'; text: string; cron: Cron };

/** Why a schedule text is refused (the words are in src/i18n). */
export interface ScheduleIssue {
  code: 'schedule-empty' | 'schedule-too-often' | 'schedule-invalid' | 'schedule-never';
  text: string;
  /** croner's reason, for `schedule-invalid`. */
  detail?: string;
}

/**
 * Parses a schedule text.
 *
 * @example
 * parseSchedule('every 6h');   // { ok: true, schedule: { kind: 'interval', text: 'every 6h', ms: 21600000 } }
 * parseSchedule('0 3 * * 1');  // { ok: true, schedule: { kind: 'cron', … } } — Mondays 03:00 UTC
 * parseSchedule('every 1m');   // { ok: false, issue: { code: 'schedule-too-often', … } }
 */
export function parseSchedule(text: string, options: { timezone?: string } = {}): { ok: true; schedule: Schedule } | { ok: false; issue: ScheduleIssue } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { ok: false, issue: { code: 'schedule-empty', text } };
  const named = NAMED[trimmed];
  if (named !== undefined) return { ok: true, schedule: { kind: 'interval', text: trimmed, ms: named } };
  const every = /^every\s+(\d{1,6})\s*(m|h|d)$/.exec(trimmed);
  if (every) {
    const unit = every[2] === 'm' ? MINUTE : every[2] === 'h' ? HOUR : DAY;
    const ms = Number(every[1]) * unit;
    if (ms < MIN_INTERVAL_MS) return { ok: false, issue: { code: 'schedule-too-often', text } };
    return { ok: true, schedule: { kind: 'interval', text: trimmed, ms } };
  }
  let cron: Cron;
  try {
    cron = new Cron(text.trim(), { paused: true, timezone: options.timezone ?? 'Etc/UTC' });
  } catch (error) {
    return { ok: false, issue: { code: 'schedule-invalid', text, detail: error instanceof Error ? error.message : String(error) } };
  }
  const first = cron.nextRun(new Date(0));
  if (!first) return { ok: false, issue: { code: 'schedule-never', text } };
  // A pattern that keeps firing every second or minute would check 100 000 domains without rest.
  const second = cron.nextRun(first);
  const third = second ? cron.nextRun(second) : null;
  if (second && third && second.getTime() - first.getTime() < MIN_INTERVAL_MS && third.getTime() - second.getTime() < MIN_INTERVAL_MS) {
    return { ok: false, issue: { code: 'schedule-too-often', text } };
  }
  return { ok: true, schedule: { kind: 'cron', text: text.trim(), cron } };
}

/**
 * The schedule text that applies to a domain: its own, unless it is on the default and its
 * group has a schedule.
 *
 * @example
 * effectiveSchedule({ schedule: 'daily', group: 'reseller-x' }, { 'reseller-x': '0 3 * * *' }); // '0 3 * * *'
 */
export function effectiveSchedule(domain: Pick<WatchedDomain, 'schedule' | 'group'>, groups: Readonly<Record<string, string>>): string {
  if (domain.schedule !== DEFAULT_SCHEDULE || domain.group === undefined) return domain.schedule;
  return groups[domain.group] ?? domain.schedule;
}

/**
 * The domain's fixed place in [0, 1): the same on every machine and every run, spread
 * evenly over many names.
 *
 * @example
 * jitterFraction('klant.nl'); // 0.6236… (always)
 */
export function jitterFraction(domain: string): number {
  return createHash('sha256').update(domain).digest().readUInt32BE(0) / 2 ** 32;
}

/** How the rules above are tuned. */
export interface SchedulePolicy {
  /** A new domain's first check falls within this long after it was added (default 1 h). */
  firstCheckSpreadMs: number;
  /** A cron firing's domains spread over this long after it (default 1 h). */
  cronSpreadMs: number;
  /** A failed check is retried within this long (default 1 h; between half and all of it). */
  retryMs: number;
}

export const DEFAULT_SCHEDULE_POLICY: SchedulePolicy = Object.freeze({ firstCheckSpreadMs: HOUR, cronSpreadMs: HOUR, retryMs: HOUR });

/** What `nextDue` needs to know of a domain. */
export interface DueInput {
  domain: string;
  schedule: Schedule;
  /** When it was added (a first check spreads from here). */
  addedAt: Date;
  /** The last check, if any. */
  last?: {
    at: Date;
    /** The check could not be done or could not reach DNS: retry soon. */
    failed: boolean;
    /** The smallest TTL (seconds) of the answers it used. */
    minTtl?: number;
  };
}

/**
 * When the domain is next due; undefined when its schedule never fires again (a cron for
 * a date in the past).
 *
 * @example
 * nextDue({ domain: 'klant.nl', schedule, addedAt, last: { at, failed: false, minTtl: 3600 } });
 */
export function nextDue(input: DueInput, policy: SchedulePolicy = DEFAULT_SCHEDULE_POLICY): Date | undefined {
  const fraction = jitterFraction(input.domain);
  const last = input.last;
  if (last === undefined) return new Date(input.addedAt.getTime() + Math.floor(fraction * policy.firstCheckSpreadMs));
  const from = last.at.getTime();
  let due = regularDue(input.schedule, from, fraction, policy);
  if (last.failed) {
    const retry = from + Math.floor(policy.retryMs * (0.5 + fraction / 2));
    due = due === undefined ? retry : Math.min(due, retry);
  }
  if (due === undefined) return undefined;
  // Nothing the last check saw can have changed before its smallest TTL ran out.
  if (last.minTtl !== undefined) due = Math.max(due, from + last.minTtl * 1000);
  return new Date(due);
}

/** The next regular slot after a check at `from`. */
function regularDue(schedule: Schedule, from: number, fraction: number, policy: SchedulePolicy): number | undefined {
  switch (schedule.kind) {
    case 'interval': {
      // The domain's own slots: offset + k × interval. The first at least half an interval
      // after the check, so a "check now" moves nothing and a late check does not stack up.
      const interval = schedule.ms;
      const offset = Math.floor(fraction * interval);
      const earliest = from + interval / 2;
      return offset + Math.ceil((earliest - offset) / interval) * interval;
    }
    case 'cron': {
      const fire = schedule.cron.nextRun(new Date(from));
      if (!fire) return undefined;
      const following = schedule.cron.nextRun(fire);
      const gap = following ? following.getTime() - fire.getTime() : policy.cronSpreadMs;
      return fire.getTime() + Math.floor(fraction * Math.min(policy.cronSpreadMs, gap));
    }
    default: {
      const never: never = schedule;
      throw new Error(`unhandled schedule ${String(never)}`);
    }
  }
}
