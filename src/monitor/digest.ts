/**
 * The operators' e-mail digest as a job: the events since the last digest (a marker in the
 * store, so a restart or a second machine neither repeats nor skips them), sent over SMTP to
 * each operator in their language (alerts.ts `sendDigest`), on a schedule. Settings come from
 * the environment (SPFKIT_DIGEST_*), the same for `npm start` and `spfkit monitor digest`.
 *
 * Of several machines sharing one PostgreSQL store, the one that moves the marker sends; when
 * every operator's delivery fails the marker is moved back, so the next run tries again.
 */
import type { Lang } from '../i18n/lang.ts';
import { type DigestOptions, type Operator, sendDigest } from './alerts.ts';
import { parseSchedule, type Schedule } from './schedule.ts';
import type { MonitorStore } from './store.ts';

/** The marker holding the id of the last event a digest covered. */
export const DIGEST_MARKER = 'digest.last-event-id';

/** Events one digest covers at most (the newest, when more are waiting). */
export const DIGEST_MAX_EVENTS = 2000;

/** The digest's settings. */
export interface DigestSettings extends DigestOptions {
  /** When to send (default `0 7 * * *`: 07:00 UTC daily); what `parseSchedule` accepts. */
  schedule: Schedule;
}

/** A setting that cannot work, naming the variable. */
export class DigestSettingError extends Error {
  override name = 'DigestSettingError';
  constructor(readonly setting: string, message: string) {
    super(`${setting}: ${message}`);
  }
}

/**
 * The digest's settings from the environment, or undefined when SPFKIT_DIGEST_SMTP is not
 * set (no digest). Throws `DigestSettingError` naming the variable that cannot work.
 *
 *   SPFKIT_DIGEST_SMTP      smtp://host:port or smtps://user:pass@host:port
 *   SPFKIT_DIGEST_FROM      the sender address
 *   SPFKIT_DIGEST_TO        operators, comma-separated, each `address` or `address:nl`
 *   SPFKIT_DIGEST_SCHEDULE  when to send (default `0 7 * * *`, daily at 07:00 UTC)
 *
 * @example
 * digestSettings({ SPFKIT_DIGEST_SMTP: 'smtp://127.0.0.1:25', SPFKIT_DIGEST_FROM: 'spfkit@provider.nl', SPFKIT_DIGEST_TO: 'noc@provider.nl:nl' })?.operators;
 * // [{ email: 'noc@provider.nl', lang: 'nl' }]
 */
export function digestSettings(env: Readonly<Record<string, string | undefined>>): DigestSettings | undefined {
  const smtpUrl = (env.SPFKIT_DIGEST_SMTP ?? '').trim();
  if (smtpUrl === '') return undefined;
  if (!/^smtps?:\/\/[^/\s]+/i.test(smtpUrl)) throw new DigestSettingError('SPFKIT_DIGEST_SMTP', `must be smtp://host:port or smtps://user:pass@host:port, got "${smtpUrl}"`);
  const from = (env.SPFKIT_DIGEST_FROM ?? '').trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(from)) throw new DigestSettingError('SPFKIT_DIGEST_FROM', `must be an e-mail address, got "${from}"`);
  const operators: Operator[] = [];
  for (const item of (env.SPFKIT_DIGEST_TO ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const match = /^([^@\s:]+@[^@\s:]+)(?::(en|nl))?$/i.exec(item);
    if (!match) throw new DigestSettingError('SPFKIT_DIGEST_TO', `"${item}" is not an address or address:en / address:nl`);
    operators.push({ email: match[1] as string, lang: ((match[2] ?? 'en').toLowerCase() as Lang) });
  }
  if (operators.length === 0) throw new DigestSettingError('SPFKIT_DIGEST_TO', 'name at least one operator address');
  const scheduleText = (env.SPFKIT_DIGEST_SCHEDULE ?? '').trim() || '0 7 * * *';
  const parsed = parseSchedule(scheduleText);
  if (!parsed.ok) throw new DigestSettingError('SPFKIT_DIGEST_SCHEDULE', `"${scheduleText}" is not a usable schedule (${parsed.issue.code}${parsed.issue.detail ? `: ${parsed.issue.detail}` : ''})`);
  return { smtpUrl, from, operators, schedule: parsed.schedule };
}

/** What one digest run did. */
export type DigestRun =
  /** The first run on this store: the marker now stands at the newest event; nothing was sent (no flood of old events). */
  | { kind: 'started'; marker: number }
  /** No event since the last digest. */
  | { kind: 'nothing'; marker: number }
  /** Another machine moved the marker first: it sends this digest. */
  | { kind: 'taken' }
  /** Sent (to some or all operators); `failed` operators are listed in `results`. */
  | { kind: 'sent'; events: number; marker: number; results: Awaited<ReturnType<typeof sendDigest>> }
  /** Every delivery failed: the marker was moved back, the next run tries again. */
  | { kind: 'failed'; events: number; results: Awaited<ReturnType<typeof sendDigest>> };

/**
 * Sends the digest of the events since the last one.
 *
 * @example
 * const run = await runDigest(store, settings); // { kind: 'sent', events: 3, marker: 812, results: [...] }
 */
export async function runDigest(store: MonitorStore, options: DigestOptions): Promise<DigestRun> {
  const marker = await store.getMarker(DIGEST_MARKER);
  if (marker === undefined) {
    const [newest] = await store.listEvents({ limit: 1 });
    const at = newest?.id ?? 0;
    return (await store.moveMarker(DIGEST_MARKER, undefined, at)) ? { kind: 'started', marker: at } : { kind: 'taken' };
  }
  const events = (await store.listEvents({ afterId: marker, limit: DIGEST_MAX_EVENTS })).reverse();
  const last = events.at(-1)?.id;
  if (last === undefined) return { kind: 'nothing', marker };
  if (!(await store.moveMarker(DIGEST_MARKER, marker, last))) return { kind: 'taken' };
  const results = await sendDigest(store, events, options);
  if (results.length > 0 && results.every((r) => !r.ok)) {
    await store.moveMarker(DIGEST_MARKER, last, marker);
    return { kind: 'failed', events: events.length, results };
  }
  return { kind: 'sent', events: events.length, marker: last, results };
}

/** When a digest schedule fires next after `now`. */
export function nextDigestAt(schedule: Schedule, now: Date): Date | undefined {
  if (schedule.kind === 'interval') return new Date(now.getTime() + schedule.ms);
  return schedule.cron.nextRun(now) ?? undefined;
}
