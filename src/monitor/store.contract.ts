/**
 * The one behaviour suite every MonitorStore passes (STYLE.md: one interface, several
 * implementations, one shared suite). sqlite-store.test.ts runs it on a real SQLite file;
 * a PostgreSQL store runs the same suite against a real server.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS } from './migrations.ts';
import type { ReportRow } from '../bulk/check.ts';
import { type MonitorStore, NotWatchedError, UnknownBulkRunError } from './store.ts';
import type { CheckSnapshot, MonitorEvent, MonitorSituation } from './types.ts';

/** How a contract run gets a fresh, empty store. */
export interface StoreSubject {
  open(): Promise<MonitorStore>;
}

/** A check as `checkDomain` would produce it, for store tests. */
export function sampleCheck(domain: string, checkedAt: string, situation: MonitorSituation, record = 'v=spf1 include:spf.coachview.net -all'): CheckSnapshot {
  return {
    domain,
    checkedAt,
    situation,
    spf: { status: 'record', records: [record], strings: [record], lookups: 2, lookupsComplete: true, bytes: record.length, longestString: record.length },
    services: [{ service: 'coachview', mechanism: 'include:spf.coachview.net', situation, results: [{ ip: '212.83.209.204', result: situation === 'authorised' ? 'pass' : 'fail', cause: 'matched', decidedBy: '-all' }] }],
    dmarc: { status: 'found', name: `_dmarc.${domain}`, record: 'v=DMARC1; p=reject', policy: 'reject' },
    dkim: [{ selector: 'prezent-a', status: 'key', cname: '_dkim-a.prezent.nl' }],
    providers: [{ domain: 'spf.coachview.net', status: 'record', record: 'v=spf1 ip4:212.83.209.0/24 -all', lookups: 1 }],
    ...(situation === 'not-authorised' ? { recordToPublish: `${record.replace(/ -all$/, '')} include:spf.coachview.net -all` } : {}),
  };
}

const event = (domain: string, kind: MonitorEvent['kind'], subject = ''): MonitorEvent => ({ kind, domain, subject, before: 'authorised', after: 'not-authorised' });

export function storeContract(name: string, subject: StoreSubject): void {
  describe(`MonitorStore contract: ${name}`, () => {
    let store: MonitorStore;
    beforeEach(async () => {
      store = await subject.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('is at the newest schema version', async () => {
      assert.equal(await store.schemaVersion(), MIGRATIONS.length);
    });

    it('adds a domain, then updates it in place keeping when it was added', async () => {
      assert.equal(await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z'), 'added');
      const first = await store.getDomain('klant.nl');
      assert.deepEqual(first, { domain: 'klant.nl', services: [{ provider: 'coachview' }], dkimSelectors: [], schedule: 'daily', addedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
      const services = [{ mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }];
      assert.equal(await store.watch({ domain: 'klant.nl', services, dkimSelectors: ['prezent-a'], customerId: 'K-17', label: 'Bakkerij Jansen', schedule: 'hourly' }, '2026-01-02T00:00:00.000Z'), 'updated');
      assert.deepEqual(await store.getDomain('klant.nl'), {
        domain: 'klant.nl',
        services,
        dkimSelectors: ['prezent-a'],
        customerId: 'K-17',
        label: 'Bakkerij Jansen',
        schedule: 'hourly',
        addedAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
      });
      assert.equal(await store.getDomain('other.nl'), undefined);
    });

    it('stores a check with its events, makes it the latest, and reads it back equal', async () => {
      await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
      const one = sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'authorised');
      const saved1 = await store.saveCheck(one, []);
      assert.deepEqual(saved1.events, []);
      const two = sampleCheck('klant.nl', '2026-01-01T02:00:00.000Z', 'not-authorised', 'v=spf1 include:spf.protection.outlook.com -all');
      const saved2 = await store.saveCheck(two, [event('klant.nl', 'situation-changed'), event('klant.nl', 'record-changed')]);
      assert.ok(saved2.check.id > saved1.check.id);
      assert.deepEqual(saved2.events.map((e) => [e.kind, e.checkId, e.at]), [
        ['situation-changed', saved2.check.id, two.checkedAt],
        ['record-changed', saved2.check.id, two.checkedAt],
      ]);
      assert.deepEqual(await store.recentChecks('klant.nl', 10), [{ id: saved2.check.id, ...two }, { id: saved1.check.id, ...one }]);
      assert.deepEqual(await store.recentChecks('klant.nl', 1), [{ id: saved2.check.id, ...two }]);
      assert.deepEqual((await store.getDomain('klant.nl'))?.lastCheck, { id: saved2.check.id, checkedAt: two.checkedAt, situation: 'not-authorised' });
    });

    it('refuses a check of a domain that is not watched, storing nothing', async () => {
      await assert.rejects(store.saveCheck(sampleCheck('nobody.nl', '2026-01-01T00:00:00.000Z', 'none'), []), NotWatchedError);
      assert.deepEqual(await store.recentChecks('nobody.nl', 5), []);
      assert.deepEqual(await store.listEvents(), []);
    });

    it('stores a check and its events together or not at all', async () => {
      await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
      const first = await store.saveCheck(sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'authorised'), []);
      // The same event twice for one check breaks the (check, kind, subject) key: the whole save must roll back.
      const twice = [event('klant.nl', 'dkim-key-revoked', 'prezent-a'), event('klant.nl', 'dkim-key-revoked', 'prezent-a')];
      await assert.rejects(store.saveCheck(sampleCheck('klant.nl', '2026-01-01T02:00:00.000Z', 'not-authorised'), twice));
      assert.deepEqual((await store.recentChecks('klant.nl', 5)).map((c) => c.id), [first.check.id]);
      assert.deepEqual((await store.getDomain('klant.nl'))?.lastCheck?.situation, 'authorised');
      assert.deepEqual(await store.listEvents(), []);
    });

    it('stores one check per domain and slot: a second save for the slot writes neither check nor events', async () => {
      await store.watch({ domain: 'a.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
      await store.watch({ domain: 'b.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
      const slot = '2026-01-01T06:00:00.000Z';
      const first = await store.saveCheck(sampleCheck('a.nl', '2026-01-01T06:00:01.000Z', 'not-authorised'), [event('a.nl', 'situation-changed')], slot);
      assert.equal(first.repeated, undefined);
      assert.equal(first.events.length, 1);
      // The retried batch: another check of a.nl for the same slot, with its own events.
      const again = await store.saveCheck(sampleCheck('a.nl', '2026-01-01T06:05:00.000Z', 'authorised'), [event('a.nl', 'situation-changed'), event('a.nl', 'record-changed')], slot);
      assert.equal(again.repeated, true);
      assert.deepEqual(again.events, []);
      assert.equal(again.check.id, first.check.id);
      assert.equal(again.check.checkedAt, '2026-01-01T06:00:01.000Z');
      assert.deepEqual((await store.recentChecks('a.nl', 5)).map((c) => c.id), [first.check.id]);
      assert.equal((await store.getDomain('a.nl'))?.lastCheck?.situation, 'not-authorised');
      assert.equal((await store.listEvents()).length, 1);
      // Another slot, another domain, and checks without a slot are not held back.
      await store.saveCheck(sampleCheck('a.nl', '2026-01-02T06:00:01.000Z', 'authorised'), [], '2026-01-02T06:00:00.000Z');
      await store.saveCheck(sampleCheck('b.nl', '2026-01-01T06:00:02.000Z', 'authorised'), [], slot);
      await store.saveCheck(sampleCheck('b.nl', '2026-01-01T07:00:00.000Z', 'authorised'), []);
      await store.saveCheck(sampleCheck('b.nl', '2026-01-01T08:00:00.000Z', 'authorised'), []);
      assert.equal((await store.recentChecks('a.nl', 5)).length, 2);
      assert.equal((await store.recentChecks('b.nl', 5)).length, 3);
      assert.deepEqual([...(await store.checkedInSlot(slot, ['a.nl', 'b.nl', 'c.nl']))].sort(), ['a.nl', 'b.nl']);
      assert.deepEqual([...(await store.checkedInSlot('2026-01-02T06:00:00.000Z', ['a.nl', 'b.nl']))], ['a.nl']);
      assert.deepEqual(await store.countSlot(slot), { checks: 2, events: 1 });
      assert.deepEqual(await store.countSlot('2026-01-03T00:00:00.000Z'), { checks: 0, events: 0 });
      assert.equal(await store.latestSlot(), '2026-01-02T06:00:00.000Z');
    });

    it('keeps bulk runs and one report row per run and line, oldest stored first', async () => {
      assert.equal(await store.latestSlot(), undefined);
      const run = { id: 'run-1', spec: '{"mechanism":"a:mail.example.net"}', total: 3, createdAt: '2026-01-01T00:00:00.000Z' };
      assert.deepEqual(await store.startBulkRun(run), run);
      // Starting it again returns the run as first stored.
      assert.deepEqual(await store.startBulkRun({ ...run, spec: '{}', total: 9 }), run);
      assert.deepEqual(await store.getBulkRun('run-1'), run);
      assert.equal(await store.getBulkRun('run-2'), undefined);
      const row = (line: number, situation: ReportRow['situation'], domain = `d${line}.nl`): ReportRow => ({ line, input: domain, domain, situation, reason: `r${line}` });
      assert.equal(await store.saveBulkRows('run-1', [row(3, 'none'), row(2, 'authorised')]), 2);
      // A retried batch: line 2 is kept as first stored, line 4 is new.
      assert.equal(await store.saveBulkRows('run-1', [row(2, 'broken', 'other.nl'), row(4, 'invalid')]), 1);
      assert.equal(await store.saveBulkRows('run-1', []), 0);
      await assert.rejects(store.saveBulkRows('nope', [row(1, 'none')]), UnknownBulkRunError);
      const all = await store.bulkRows('run-1');
      assert.deepEqual(all.map((r) => r.row), [row(3, 'none'), row(2, 'authorised'), row(4, 'invalid')]);
      assert.deepEqual((await store.bulkRows('run-1', { afterId: all[0]?.id ?? 0, limit: 1 })).map((r) => r.row.line), [2]);
      assert.deepEqual([...(await store.bulkLinesDone('run-1', [1, 2, 3, 5]))].sort(), [2, 3]);
      assert.equal(await store.countBulkRows('run-1'), 3);
      assert.equal(await store.countBulkRows('run-2'), 0);
    });

    it('lists domains in order, by latest situation, by search, and in pages', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      await store.watch({ domain: 'c.nl', services: [{ provider: 'byte' }], customerId: 'K-3', label: 'Bakkerij' }, at);
      await store.watch({ domain: 'a.nl', services: [{ provider: 'byte' }], customerId: 'K-1' }, at);
      await store.watch({ domain: 'b100%.nl', services: [{ provider: 'byte' }], label: 'Slagerij de Boer' }, at);
      await store.watch({ domain: 'd.nl', services: [{ provider: 'byte' }] }, at);
      await store.saveCheck(sampleCheck('a.nl', at, 'authorised'), []);
      await store.saveCheck(sampleCheck('c.nl', at, 'authorised'), []);
      await store.saveCheck(sampleCheck('c.nl', '2026-01-02T00:00:00.000Z', 'not-authorised'), []);
      const names = async (query: Parameters<MonitorStore['listDomains']>[0]) => (await store.listDomains(query)).map((d) => d.domain);
      assert.deepEqual(await names({}), ['a.nl', 'b100%.nl', 'c.nl', 'd.nl']);
      assert.deepEqual(await names({ situation: 'not-authorised' }), ['c.nl']);
      assert.deepEqual(await names({ situation: 'authorised' }), ['a.nl']);
      assert.deepEqual(await names({ situation: 'unchecked' }), ['b100%.nl', 'd.nl']);
      assert.deepEqual(await names({ search: 'BAKKER' }), ['c.nl']);
      assert.deepEqual(await names({ search: 'k-1' }), ['a.nl']);
      assert.deepEqual(await names({ search: 'boer' }), ['b100%.nl']);
      // LIKE wildcards in the search are literal characters.
      assert.deepEqual(await names({ search: '%' }), ['b100%.nl']);
      assert.deepEqual(await names({ search: '_' }), []);
      assert.deepEqual(await names({ offset: 1, limit: 2 }), ['b100%.nl', 'c.nl']);
      assert.deepEqual(await names({ offset: 3, limit: 2 }), ['d.nl']);
      assert.equal(await store.countDomains(), 4);
      assert.equal(await store.countDomains({ situation: 'unchecked' }), 2);
      assert.equal(await store.countDomains({ search: 'nl' }), 4);
    });

    it('sorts domains by situation (worst first, unchecked last) and by last check (never first), ties by domain, reversed by desc, with filter and paging', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      for (const d of ['e.nl', 'a.nl', 'd.nl', 'b.nl', 'c.nl', 'f.nl']) await store.watch({ domain: d, services: [{ provider: 'byte' }] }, at);
      await store.saveCheck(sampleCheck('a.nl', '2026-01-03T00:00:00.000Z', 'authorised'), []);
      await store.saveCheck(sampleCheck('b.nl', '2026-01-02T00:00:00.000Z', 'not-authorised'), []);
      await store.saveCheck(sampleCheck('c.nl', '2026-01-04T00:00:00.000Z', 'broken'), []);
      await store.saveCheck(sampleCheck('d.nl', '2026-01-01T00:00:00.000Z', 'not-authorised'), []);
      await store.saveCheck(sampleCheck('e.nl', '2026-01-02T00:00:00.000Z', 'none'), []);
      const names = async (query: Parameters<MonitorStore['listDomains']>[0]) => (await store.listDomains(query)).map((d) => d.domain);
      assert.deepEqual(await names({ sort: 'domain', order: 'desc' }), ['f.nl', 'e.nl', 'd.nl', 'c.nl', 'b.nl', 'a.nl']);
      assert.deepEqual(await names({ sort: 'situation' }), ['b.nl', 'd.nl', 'c.nl', 'e.nl', 'a.nl', 'f.nl']);
      assert.deepEqual(await names({ sort: 'situation', order: 'desc' }), ['f.nl', 'a.nl', 'e.nl', 'c.nl', 'd.nl', 'b.nl']);
      assert.deepEqual(await names({ sort: 'checked' }), ['f.nl', 'd.nl', 'b.nl', 'e.nl', 'a.nl', 'c.nl']);
      assert.deepEqual(await names({ sort: 'checked', order: 'desc' }), ['c.nl', 'a.nl', 'e.nl', 'b.nl', 'd.nl', 'f.nl']);
      assert.deepEqual(await names({ sort: 'checked', order: 'desc', offset: 2, limit: 2 }), ['e.nl', 'b.nl']);
      assert.deepEqual(await names({ sort: 'checked', order: 'desc', situation: 'not-authorised' }), ['b.nl', 'd.nl']);
      // A newer check moves the domain: the order follows the latest check only.
      await store.saveCheck(sampleCheck('d.nl', '2026-01-05T00:00:00.000Z', 'authorised'), []);
      assert.deepEqual(await names({ sort: 'situation', limit: 3 }), ['b.nl', 'c.nl', 'e.nl']);
      assert.deepEqual(await names({ sort: 'checked', order: 'desc', limit: 1 }), ['d.nl']);
    });

    it('lists events newest first, by domain, kind and after an id', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      await store.watch({ domain: 'a.nl', services: [{ provider: 'byte' }] }, at);
      await store.watch({ domain: 'b.nl', services: [{ provider: 'byte' }] }, at);
      const a = await store.saveCheck(sampleCheck('a.nl', at, 'not-authorised'), [event('a.nl', 'situation-changed'), event('a.nl', 'record-changed')]);
      const b = await store.saveCheck(sampleCheck('b.nl', at, 'not-authorised'), [event('b.nl', 'situation-changed')]);
      const all = await store.listEvents();
      assert.deepEqual(all.map((e) => [e.domain, e.kind]), [['b.nl', 'situation-changed'], ['a.nl', 'record-changed'], ['a.nl', 'situation-changed']]);
      assert.deepEqual((await store.listEvents({ domain: 'a.nl' })).map((e) => e.kind), ['record-changed', 'situation-changed']);
      assert.deepEqual((await store.listEvents({ kind: 'situation-changed' })).map((e) => e.domain), ['b.nl', 'a.nl']);
      const firstId = a.events[0]?.id ?? 0;
      assert.deepEqual((await store.listEvents({ afterId: firstId })).map((e) => e.id), [b.events[0]?.id, a.events[1]?.id]);
      assert.equal((await store.listEvents({ limit: 1 })).length, 1);
      assert.deepEqual(all[0], { id: b.events[0]?.id, checkId: b.check.id, at, ...event('b.nl', 'situation-changed') });
    });

    it('hands the scheduler unplanned domains first, then the due ones earliest first; editing a domain plans it again', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      for (const domain of ['a.nl', 'b.nl', 'c.nl', 'd.nl']) await store.watch({ domain, services: [{ provider: 'byte' }] }, at);
      const names = async (now: string, limit = 10) => (await store.dueDomains(now, limit)).map((d) => d.domain);
      assert.deepEqual(await names(at), ['a.nl', 'b.nl', 'c.nl', 'd.nl']);
      await store.setNextDue([
        { domain: 'a.nl', at: '2026-01-01T05:00:00.000Z' },
        { domain: 'b.nl', at: '2026-01-01T03:00:00.000Z' },
        { domain: 'c.nl', at: '2026-01-02T00:00:00.000Z' },
        { domain: 'nobody.nl', at: '2026-01-01T00:00:00.000Z' },
      ]);
      assert.equal((await store.getDomain('a.nl'))?.nextDueAt, '2026-01-01T05:00:00.000Z');
      assert.deepEqual(await names('2026-01-01T02:00:00.000Z'), ['d.nl']);
      assert.deepEqual(await names('2026-01-01T05:00:00.000Z'), ['d.nl', 'b.nl', 'a.nl']);
      assert.deepEqual(await names('2026-01-01T05:00:00.000Z', 2), ['d.nl', 'b.nl']);
      assert.deepEqual(await names('2026-01-03T00:00:00.000Z'), ['d.nl', 'b.nl', 'a.nl', 'c.nl']);
      await store.setNextDue([{ domain: 'd.nl', at: '2026-01-05T00:00:00.000Z' }]);
      assert.deepEqual(await names('2026-01-01T04:00:00.000Z'), ['b.nl']);
      // Watching again (the schedule may be new) leaves it unplanned.
      await store.watch({ domain: 'c.nl', services: [{ provider: 'byte' }], schedule: 'every 6h' }, at);
      assert.equal((await store.getDomain('c.nl'))?.nextDueAt, undefined);
      assert.deepEqual(await names('2026-01-01T04:00:00.000Z'), ['c.nl', 'b.nl']);
      await store.setNextDue([{ domain: 'a.nl', at: null }]);
      assert.deepEqual(await names('2026-01-01T00:00:00.000Z'), ['a.nl', 'c.nl']);
    });

    it('keeps groups and group schedules; setting or removing one plans its members again', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      await store.watch({ domain: 'a.nl', services: [{ provider: 'byte' }], group: 'reseller-x' }, at);
      await store.watch({ domain: 'b.nl', services: [{ provider: 'byte' }], group: 'reseller-x' }, at);
      await store.watch({ domain: 'c.nl', services: [{ provider: 'byte' }] }, at);
      assert.equal((await store.getDomain('a.nl'))?.group, 'reseller-x');
      assert.equal((await store.getDomain('c.nl'))?.group, undefined);
      assert.deepEqual((await store.listDomains({ group: 'reseller-x' })).map((d) => d.domain), ['a.nl', 'b.nl']);
      assert.equal(await store.countDomains({ group: 'reseller-x' }), 2);
      const later = '2026-01-02T00:00:00.000Z';
      await store.setNextDue(['a.nl', 'b.nl', 'c.nl'].map((domain) => ({ domain, at: later })));
      assert.deepEqual(await store.groupSchedules(), {});
      await store.setGroupSchedule('reseller-x', '0 3 * * *');
      await store.setGroupSchedule('other', 'hourly');
      assert.deepEqual(await store.groupSchedules(), { other: 'hourly', 'reseller-x': '0 3 * * *' });
      assert.deepEqual((await store.dueDomains(at, 10)).map((d) => d.domain), ['a.nl', 'b.nl']);
      await store.setNextDue(['a.nl', 'b.nl'].map((domain) => ({ domain, at: later })));
      await store.setGroupSchedule('reseller-x', undefined);
      assert.deepEqual(await store.groupSchedules(), { other: 'hourly' });
      assert.deepEqual((await store.dueDomains(at, 10)).map((d) => d.domain), ['a.nl', 'b.nl']);
    });

    it('keeps webhooks and their delivery log; removing a hook removes its log', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      const a = await store.addWebhook({ url: 'http://127.0.0.1:9/a', secret: 's3cret', createdAt: at });
      const b = await store.addWebhook({ url: 'http://127.0.0.1:9/b', secret: 'other', createdAt: at });
      assert.deepEqual(await store.listWebhooks(), [a, b]);
      const one = await store.logDelivery({ hookId: a.id, eventId: 7, at, attempts: 2, status: 'delivered', responseStatus: 200 });
      const two = await store.logDelivery({ hookId: b.id, eventId: 7, at, attempts: 5, status: 'failed', error: 'ECONNREFUSED' });
      assert.deepEqual(await store.listDeliveries(), [two, one]);
      assert.deepEqual(await store.listDeliveries({ hookId: a.id }), [{ id: one.id, hookId: a.id, eventId: 7, at, attempts: 2, status: 'delivered', responseStatus: 200 }]);
      assert.equal((await store.listDeliveries({ limit: 1 })).length, 1);
      assert.equal(await store.removeWebhook(a.id), true);
      assert.equal(await store.removeWebhook(a.id), false);
      assert.deepEqual(await store.listWebhooks(), [b]);
      assert.deepEqual((await store.listDeliveries()).map((d) => d.id), [two.id]);
    });

    it('watches many domains in one call, added or updated, in input order', async () => {
      assert.deepEqual(await store.watchMany([], '2026-01-01T00:00:00.000Z'), []);
      await store.watch({ domain: 'many-b.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
      const outcomes = await store.watchMany(
        [
          { domain: 'many-a.nl', services: [{ provider: 'coachview' }], label: 'A' },
          { domain: 'many-b.nl', services: [{ mechanism: 'ip4:192.0.2.1' }], customerId: 'K-B' },
        ],
        '2026-01-02T00:00:00.000Z',
      );
      assert.deepEqual(outcomes, ['added', 'updated']);
      assert.equal((await store.getDomain('many-a.nl'))?.label, 'A');
      const b = await store.getDomain('many-b.nl');
      assert.deepEqual([b?.customerId, b?.services, b?.addedAt, b?.updatedAt], ['K-B', [{ mechanism: 'ip4:192.0.2.1' }], '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
      await store.unwatch('many-a.nl');
      await store.unwatch('many-b.nl');
    });

    it('keeps markers, moved only from the value they are at (one of several machines wins)', async () => {
      assert.equal(await store.getMarker('digest'), undefined);
      assert.equal(await store.moveMarker('digest', 5, 9), false, 'not set yet: only from undefined');
      assert.equal(await store.moveMarker('digest', undefined, 3), true);
      assert.equal(await store.moveMarker('digest', undefined, 4), false, 'already set');
      assert.equal(await store.getMarker('digest'), 3);
      const [a, b] = await Promise.all([store.moveMarker('digest', 3, 10), store.moveMarker('digest', 3, 11)]);
      assert.equal(Number(a) + Number(b), 1, 'exactly one move from 3 wins');
      assert.ok([10, 11].includes((await store.getMarker('digest')) as number));
      assert.equal(await store.getMarker('other'), undefined);
    });

    it('forgets a domain with its checks and events', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      await store.watch({ domain: 'a.nl', services: [{ provider: 'byte' }] }, at);
      await store.watch({ domain: 'b.nl', services: [{ provider: 'byte' }] }, at);
      await store.saveCheck(sampleCheck('a.nl', at, 'not-authorised'), [event('a.nl', 'situation-changed')]);
      await store.saveCheck(sampleCheck('b.nl', at, 'not-authorised'), [event('b.nl', 'situation-changed')]);
      assert.equal(await store.unwatch('a.nl'), true);
      assert.equal(await store.unwatch('a.nl'), false);
      assert.equal(await store.getDomain('a.nl'), undefined);
      assert.deepEqual(await store.recentChecks('a.nl', 5), []);
      assert.deepEqual((await store.listEvents()).map((e) => e.domain), ['b.nl']);
      // Watching it again starts from nothing.
      await store.watch({ domain: 'a.nl', services: [{ provider: 'byte' }] }, at);
      assert.equal((await store.getDomain('a.nl'))?.lastCheck, undefined);
    });

    it('keeps API tokens by the hash of their secret, lists and revokes them', async () => {
      const a = await store.addToken({ secretHash: 'aa'.repeat(32), label: 'dashboard', createdAt: '2026-01-01T00:00:00.000Z' });
      const b = await store.addToken({ secretHash: 'bb'.repeat(32), createdAt: '2026-01-02T00:00:00.000Z' });
      assert.notEqual(a.id, b.id);
      assert.deepEqual(await store.getToken(a.id), { token: { id: a.id, label: 'dashboard', createdAt: '2026-01-01T00:00:00.000Z' }, secretHash: 'aa'.repeat(32) });
      assert.deepEqual(await store.listTokens(), [a, b]);
      assert.equal(await store.removeToken(a.id), true);
      assert.equal(await store.removeToken(a.id), false);
      assert.equal(await store.getToken(a.id), undefined);
      assert.deepEqual(await store.listTokens(), [b]);
      // An id from a forged token, beyond any integer column, is no token rather than an error.
      assert.equal(await store.getToken(1e20), undefined);
      assert.equal(await store.removeToken(1e20), false);
    });
  });
}
