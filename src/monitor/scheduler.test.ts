/**
 * The scheduler on a real SQLite file with an injected clock: nothing waits for real time,
 * and nothing asserts on how long anything took. DNS is a zone resolver here (unit tests);
 * test/monitor/scheduler.test.ts drives it over a loopback DNS server.
 */
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DnsAnswer, RecordData, Resolver, RrType } from '../dns/resolver.ts';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { type ProviderCatalogue, parseProviderCatalogue } from '../record/providers.ts';
import { type SchedulerClock, type SchedulerLog, createScheduler, requestCheck } from './scheduler.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { MonitorStore } from './store.ts';

const parsed = parseProviderCatalogue({
  version: 1,
  note: 'test catalogue',
  providers: [{ id: 'coachview', name: 'Coachview', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'], docs: 'https://example.test/coachview' }],
});
if (!parsed.ok) throw new Error('catalogue');
const catalogue: ProviderCatalogue = parsed.catalogue;

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 1, 0, 0, 0);

function zoneFor(domains: readonly string[], ttl?: number): Resolver {
  const data: Record<string, unknown[]> = { 'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all', ...(ttl ? { ttl } : {}) }] };
  for (const d of domains) data[d] = [{ TXT: 'v=spf1 include:spf.coachview.net -all', ...(ttl ? { ttl } : {}) }];
  data['slow.nl'] = [{ TIMEOUT: 'TXT' }];
  return zoneResolver(zoneFromObject(data), { log: false });
}

/** A clock the test moves; `sleep` waits until the test wakes it or the signal aborts. */
function manualClock(): SchedulerClock & { advance(ms: number): void; sleeps: number[]; wake(): void } {
  let now = START;
  const waiting: Array<() => void> = [];
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    sleeps,
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
    wake: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

function recordingLog(): SchedulerLog & { lines: Array<[string, string, object]> } {
  const lines: Array<[string, string, object]> = [];
  return { lines, info: (d, m) => void lines.push(['info', m, d]), warn: (d, m) => void lines.push(['warn', m, d]), error: (d, m) => void lines.push(['error', m, d]) };
}

/** Waits (event-loop turns, not time) until `ready()` holds. */
async function until(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await ready()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never: ${what}`);
}

let dir = '';
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spfkit-scheduler-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('scheduler (SQLite file, injected clock)', () => {
  let store: MonitorStore;
  const added = new Date(START).toISOString();
  const domains = Array.from({ length: 12 }, (_, i) => `klant${i}.nl`);

  beforeEach(async () => {
    store = await openSqliteStore({ file: join(dir, `s-${++n}.sqlite`) });
    for (const domain of domains) await store.watch({ domain, services: [{ provider: 'coachview' }], group: domain < 'klant3' ? 'first' : 'rest' }, added);
  });
  afterEach(() => store.close());

  it('plans new domains within the first hour without checking them, then checks each when due, and plans it a day on', async () => {
    const clock = manualClock();
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains), catalogue }, clock });
    const first = await scheduler.round();
    assert.deepEqual(first, { checked: 0, failed: 0, planned: 12, full: false });
    const planned = await store.listDomains();
    for (const d of planned) assert.ok(d.nextDueAt !== undefined && Date.parse(d.nextDueAt) >= START && Date.parse(d.nextDueAt) < START + HOUR, d.nextDueAt);
    assert.deepEqual(await scheduler.round(), { checked: 0, failed: 0, planned: 0, full: false }, 'nothing due yet');
    // Half an hour on, the domains whose place is in the first half hour are due.
    clock.advance(HOUR / 2);
    const early = planned.filter((d) => Date.parse(d.nextDueAt ?? '') <= START + HOUR / 2).map((d) => d.domain);
    const half = await scheduler.round();
    assert.equal(half.checked, early.length);
    for (const domain of early) assert.equal((await store.getDomain(domain))?.lastCheck?.situation, 'authorised');
    clock.advance(HOUR / 2);
    assert.equal((await scheduler.round()).checked, 12 - early.length);
    for (const d of await store.listDomains()) {
      const next = Date.parse(d.nextDueAt ?? '');
      const checked = Date.parse(d.lastCheck?.checkedAt ?? '');
      assert.ok(next >= checked + 12 * HOUR && next < checked + 36 * HOUR, `${d.domain}: ${d.nextDueAt}`);
    }
    assert.deepEqual(await scheduler.round(), { checked: 0, failed: 0, planned: 0, full: false });
  });

  it('checks at most `concurrency` domains at once', async () => {
    const inner = zoneFor(domains);
    let active = 0;
    let most = 0;
    const slow: Resolver = {
      async query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
        if (type === 'TXT' && domains.includes(name)) {
          active++;
          most = Math.max(most, active);
          for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
          active--;
        }
        return inner.query(name, type);
      },
    };
    const clock = manualClock();
    await requestCheck(store, { all: true }, clock.now());
    const scheduler = createScheduler({ store, check: { resolver: slow, catalogue }, clock, concurrency: 3 });
    assert.equal((await scheduler.round()).checked, 12);
    assert.ok(most <= 3, `${most} at once`);
    assert.ok(most >= 2, 'checks overlap');
  });

  it('waits out the smallest TTL of the last check before checking again', async () => {
    const clock = manualClock();
    await store.watch({ domain: 'klant0.nl', services: [{ provider: 'coachview' }], schedule: 'every 5m' }, added);
    await requestCheck(store, { domain: 'klant0.nl' }, clock.now());
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains, 7200), catalogue }, clock });
    await scheduler.round();
    const d = await store.getDomain('klant0.nl');
    assert.equal((await store.recentChecks('klant0.nl', 1))[0]?.minTtl, 7200);
    assert.ok(Date.parse(d?.nextDueAt ?? '') >= START + 2 * HOUR, d?.nextDueAt);
  });

  it('a DNS timeout is stored as could-not-check and retried within the hour; a failing store is logged, never thrown', async () => {
    const clock = manualClock();
    const log = recordingLog();
    await store.watch({ domain: 'slow.nl', services: [{ provider: 'coachview' }] }, added);
    await requestCheck(store, { domain: 'slow.nl' }, clock.now());
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains), catalogue }, clock, log });
    await scheduler.round();
    const slow = await store.getDomain('slow.nl');
    assert.equal(slow?.lastCheck?.situation, 'could-not-check');
    const wait = Date.parse(slow?.nextDueAt ?? '') - START;
    assert.ok(wait >= HOUR / 2 && wait <= HOUR, String(wait));

    // The store fails to save: the round goes on, counts the failure, and plans a retry.
    const failing: MonitorStore = { ...store, saveCheck: () => Promise.reject(new Error('disk I/O error')) };
    await requestCheck(store, { domain: 'klant5.nl' }, clock.now());
    const broken = createScheduler({ store: failing, check: { resolver: zoneFor(domains), catalogue }, clock, log });
    const report = await broken.round();
    assert.equal(report.failed, 1);
    assert.ok(log.lines.some(([level, , data]) => level === 'error' && JSON.stringify(data).includes('disk I/O error')));
    assert.equal((await store.getDomain('klant5.nl'))?.lastCheck, undefined);
    const retry = Date.parse((await store.getDomain('klant5.nl'))?.nextDueAt ?? '') - START;
    assert.ok(retry >= HOUR / 2 && retry <= HOUR, String(retry));
  });

  it('runs rounds until stopped, pausing between them, and survives a store that fails a round', async () => {
    const clock = manualClock();
    const log = recordingLog();
    let fail = true;
    const flaky: MonitorStore = { ...store, dueDomains: (now, limit) => (fail ? Promise.reject(new Error('database is locked')) : store.dueDomains(now, limit)) };
    const scheduler = createScheduler({ store: flaky, check: { resolver: zoneFor(domains), catalogue }, clock, log, idleMs: 1000, errorPauseMs: 5000 });
    scheduler.start();
    scheduler.start();
    await until(() => clock.sleeps.length === 1, 'the first pause');
    assert.deepEqual(clock.sleeps, [5000], 'a failed round pauses for errorPauseMs');
    assert.ok(log.lines.some(([level, message]) => level === 'error' && /round failed/.test(message)));
    fail = false;
    await requestCheck(store, { group: 'first' }, clock.now());
    clock.wake();
    await until(() => clock.sleeps.length === 2, 'the second pause');
    assert.equal(clock.sleeps[1], 1000);
    assert.equal((await store.listDomains({ group: 'first' })).filter((d) => d.lastCheck !== undefined).length, 5);
    await scheduler.stop();
    assert.ok(log.lines.some(([, message]) => message === 'monitor scheduler stopped'));
    // Stopped for good: waking the clock runs no more rounds.
    clock.wake();
    await new Promise((r) => setImmediate(r));
    assert.equal(clock.sleeps.length, 2);
  });

  it('an abort signal stops it too', async () => {
    const clock = manualClock();
    const controller = new AbortController();
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains), catalogue }, clock });
    scheduler.start(controller.signal);
    await until(() => clock.sleeps.length === 1, 'the first pause');
    controller.abort();
    await scheduler.stop();
    assert.equal(clock.sleeps.length, 1);
  });

  it('checks now one domain, a group, or all, whatever their schedule; an unknown domain is an error result', async () => {
    const clock = manualClock();
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains), catalogue }, clock });
    const collect = async (target: Parameters<typeof scheduler.checkNow>[0]) => {
      const out: string[] = [];
      for await (const r of scheduler.checkNow(target)) out.push('outcome' in r ? `${r.domain}:${r.outcome.check.situation}` : `${r.domain}:error`);
      return out.sort();
    };
    assert.deepEqual(await collect({ domain: 'klant4.nl' }), ['klant4.nl:authorised']);
    assert.deepEqual(await collect({ group: 'first' }), ['klant0.nl:authorised', 'klant1.nl:authorised', 'klant10.nl:authorised', 'klant11.nl:authorised', 'klant2.nl:authorised']);
    assert.equal((await collect({ all: true })).length, 12);
    assert.deepEqual(await collect({ domain: 'nobody.nl' }), ['nobody.nl:error']);
    // Checked now, so next due on its regular slot, not in the first hour.
    assert.ok(Date.parse((await store.getDomain('klant4.nl'))?.nextDueAt ?? '') >= START + 12 * HOUR);
  });

  it("a group schedule applies to the group's members on the default schedule", async () => {
    const clock = manualClock();
    await store.setGroupSchedule('first', '0 3 * * *');
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains), catalogue }, clock });
    for await (const _ of scheduler.checkNow({ all: true })) void _;
    for (const d of await store.listDomains({ group: 'first' })) {
      const next = Date.parse(d.nextDueAt ?? '');
      assert.ok(next >= Date.UTC(2026, 2, 1, 3) && next < Date.UTC(2026, 2, 1, 4), `${d.domain} ${d.nextDueAt}`);
    }
    for (const d of await store.listDomains({ group: 'rest' })) assert.ok(Date.parse(d.nextDueAt ?? '') >= START + 12 * HOUR, d.domain);
  });

  it('an unusable stored schedule is checked daily, with a warning', async () => {
    const clock = manualClock();
    const log = recordingLog();
    await store.watch({ domain: 'klant0.nl', services: [{ provider: 'coachview' }], schedule: 'now and then' }, added);
    const scheduler = createScheduler({ store, check: { resolver: zoneFor(domains), catalogue }, clock, log });
    for await (const _ of scheduler.checkNow({ domain: 'klant0.nl' })) void _;
    assert.ok(log.lines.some(([level, , data]) => level === 'warn' && JSON.stringify(data).includes('now and then')));
    assert.ok(Date.parse((await store.getDomain('klant0.nl'))?.nextDueAt ?? '') >= START + 12 * HOUR);
  });
});
