/**
 * One job model for "check these domains" (issue 12): a batch is a list of watched domains
 * and the schedule slot they are checked for. `processBatch` is the job code every runner
 * shares — a queue worker, the embedded multi-core mode — with one DNS cache per runner
 * (the caller's `resolver`).
 *
 * Exactly-once effect: each check is stored with the batch's slot, and the store keeps one
 * check (and its events) per domain and slot (`MonitorStore.saveCheck`), so a batch retried
 * after its runner died checks again only what is missing and writes nothing twice.
 */
import { mapConcurrent } from '../bulk/pool.ts';
import type { CheckDomainOptions } from '../monitor/check.ts';
import { checkAndStore } from '../monitor/run.ts';
import { type MonitorStore, NotWatchedError, StoreUnavailableError } from '../monitor/store.ts';

/** A batch of watched domains to check for one schedule slot (an ISO 8601 time). */
export interface MonitorBatch {
  slot: string;
  domains: readonly string[];
}

export interface BatchDeps {
  store: MonitorStore;
  /** DNS (one shared cache per runner), the catalogue and the clock. */
  check: CheckDomainOptions;
  /** Checks in flight at once (default 16). */
  concurrency?: number;
}

/** What a batch did. A domain is in exactly one list. */
export interface BatchReport {
  /** Checked and stored now. */
  checked: string[];
  /** Already stored for the slot (an earlier attempt of this batch). */
  skipped: string[];
  /** No longer watched: nothing to do. */
  notWatched: string[];
  /** The check threw (a poison domain): the rest of the batch went on. */
  failed: Array<{ domain: string; error: string }>;
}

/**
 * Checks and stores the batch's domains for its slot. A store that cannot be reached
 * (`StoreUnavailableError`) ends the batch with that error, so the runner retries it whole;
 * any other failure of one domain is reported in `failed` and the others go on.
 *
 * @example
 * const report = await processBatch({ slot: '2026-12-03T16:00:00.000Z', domains: ['klant.nl'] }, { store, check: { resolver, catalogue, now: () => new Date() } });
 * report.checked; // ['klant.nl']
 */
export async function processBatch(batch: MonitorBatch, deps: BatchDeps): Promise<BatchReport> {
  const report: BatchReport = { checked: [], skipped: [], notWatched: [], failed: [] };
  const done = await deps.store.checkedInSlot(batch.slot, batch.domains);
  const todo = batch.domains.filter((domain) => !done.has(domain));
  report.skipped.push(...batch.domains.filter((domain) => done.has(domain)));
  const one = async (domain: string): Promise<void> => {
    try {
      const outcome = await checkAndStore(deps.store, domain, deps.check, batch.slot);
      (outcome.repeated ? report.skipped : report.checked).push(domain);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      if (error instanceof NotWatchedError) report.notWatched.push(domain);
      else report.failed.push({ domain, error: error instanceof Error ? error.message : String(error) });
    }
  };
  for await (const _ of mapConcurrent(todo, deps.concurrency ?? 16, one)) void _;
  return report;
}
