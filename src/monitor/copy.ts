/**
 * Moving the monitor's data from one store to another — the embedded SQLite file to
 * PostgreSQL when a provider outgrows one machine — through the `MonitorStore` interface
 * only, so it works between any two stores and needs no SQL of either.
 *
 * Copied: every watched domain (group and added and edited times kept), every check oldest
 * first, every event with the check that raised it, the group schedules and the webhooks.
 * Ids are the target's own (new numbers, same order); when each domain is next due is
 * planned again by the target's scheduler. NOT copied: API tokens — a token carries its id,
 * which the target numbers anew — so make new ones on the target and revoke the old; and the
 * webhook delivery log (it names events by their old ids).
 */
import type { MonitorStore } from './store.ts';
import type { MonitorEvent, StoredEvent, WatchedDomain } from './types.ts';

/** What a copy moved. */
export interface CopyCount {
  domains: number;
  checks: number;
  events: number;
}

export interface CopyOptions {
  /** Domains read per page (default 500). */
  pageSize?: number;
  /** Called after each domain with the running count. */
  onProgress?: (count: CopyCount) => void;
}

/** The target already holds domains: a copy into it would mix or double the data. */
export class CopyTargetNotEmptyError extends Error {
  override name = 'CopyTargetNotEmptyError';
  constructor(readonly domains: number) {
    super(`the target store already watches ${domains} domain(s): copy into an empty store`);
  }
}

function eventOfStored(event: StoredEvent): MonitorEvent {
  const { id: _id, checkId: _checkId, at: _at, ...rest } = event;
  return rest;
}

async function copyDomain(from: MonitorStore, to: MonitorStore, domain: WatchedDomain, count: CopyCount): Promise<void> {
  const input = {
    domain: domain.domain,
    services: domain.services,
    dkimSelectors: domain.dkimSelectors,
    schedule: domain.schedule,
    ...(domain.customerId === undefined ? {} : { customerId: domain.customerId }),
    ...(domain.label === undefined ? {} : { label: domain.label }),
    ...(domain.group === undefined ? {} : { group: domain.group }),
  };
  await to.watch(input, domain.addedAt);
  // A second watch sets the edited time and keeps the added one (MonitorStore.watch).
  if (domain.updatedAt !== domain.addedAt) await to.watch(input, domain.updatedAt);
  const checks = (await from.recentChecks(domain.domain, Number.MAX_SAFE_INTEGER)).reverse();
  const byCheck = new Map<number, MonitorEvent[]>();
  // listEvents is newest first: walk it backwards so each check's events keep their order.
  for (const event of (await from.listEvents({ domain: domain.domain })).reverse()) {
    const list = byCheck.get(event.checkId) ?? [];
    list.push(eventOfStored(event));
    byCheck.set(event.checkId, list);
  }
  for (const { id, ...check } of checks) {
    const events = byCheck.get(id) ?? [];
    await to.saveCheck(check, events);
    count.checks += 1;
    count.events += events.length;
  }
  count.domains += 1;
}

/**
 * Copies everything `from` holds into the empty store `to`. Throws
 * `CopyTargetNotEmptyError` when `to` already watches a domain; a copy that fails half way
 * leaves a partial target: empty it (drop and re-create the database) and copy again.
 *
 * @example
 * const from = await openSqliteStore({ file: '/var/lib/spfkit/monitor.sqlite' });
 * const to = await openPgStore({ url: 'postgres://spfkit@db.internal/spfkit' });
 * await copyStore(from, to); // { domains: 1204, checks: 86311, events: 977 }
 */
export async function copyStore(from: MonitorStore, to: MonitorStore, options: CopyOptions = {}): Promise<CopyCount> {
  const already = await to.countDomains();
  if (already > 0) throw new CopyTargetNotEmptyError(already);
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 500));
  const count: CopyCount = { domains: 0, checks: 0, events: 0 };
  for (const [group, schedule] of Object.entries(await from.groupSchedules())) await to.setGroupSchedule(group, schedule);
  for (const { id: _id, ...hook } of await from.listWebhooks()) await to.addWebhook(hook);
  // Domains are listed in domain order, so offset paging walks a source nobody edits meanwhile.
  for (let offset = 0; ; offset += pageSize) {
    const page = await from.listDomains({ offset, limit: pageSize });
    for (const domain of page) {
      await copyDomain(from, to, domain, count);
      options.onProgress?.({ ...count });
    }
    if (page.length < pageSize) return count;
  }
}
