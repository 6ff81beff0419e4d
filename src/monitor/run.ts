/**
 * Checking watched domains and keeping the result: check, compare with the history, store
 * the check and its events together. What the CLI's `monitor check`, a scheduler slot and a
 * queue worker call.
 */
import { mapConcurrent } from '../bulk/pool.ts';
import { type CheckDomainOptions, checkDomain } from './check.ts';
import { HISTORY_DEPTH, compareChecks } from './events.ts';
import { type MonitorStore, NotWatchedError, type SavedCheck } from './store.ts';

/** One domain checked and stored (`repeated`: its slot had a check already, nothing was written). */
export type CheckOutcome = SavedCheck;

/**
 * Checks one watched domain, stores the check and the events it raises, and returns both.
 * Throws `NotWatchedError` for a domain that is not watched. With a `slot` (a queued batch's,
 * issue 12) the check is stored at most once per domain and slot (`MonitorStore.saveCheck`).
 *
 * @example
 * const { check, events } = await checkAndStore(store, 'klant.nl', { resolver, catalogue, now: () => new Date() });
 */
export async function checkAndStore(store: MonitorStore, domain: string, options: CheckDomainOptions, slot?: string): Promise<CheckOutcome> {
  const watched = await store.getDomain(domain);
  if (!watched) throw new NotWatchedError(domain);
  const [snapshot, history] = await Promise.all([checkDomain(watched, options), store.recentChecks(watched.domain, HISTORY_DEPTH)]);
  return store.saveCheck(snapshot, compareChecks(snapshot, history), slot);
}

/**
 * Checks the given domains (default: every watched domain), at most `concurrency` at once,
 * yielding each outcome as it is stored.
 *
 * @example
 * for await (const { check } of checkMany(store, undefined, { resolver, catalogue, now, concurrency: 16 })) console.log(check.domain, check.situation);
 */
export async function* checkMany(store: MonitorStore, domains: readonly string[] | undefined, options: CheckDomainOptions & { concurrency?: number }): AsyncGenerator<CheckOutcome> {
  const names = domains ?? (await store.listDomains()).map((d) => d.domain);
  yield* mapConcurrent(names, options.concurrency ?? 16, (domain) => checkAndStore(store, domain, options));
}
