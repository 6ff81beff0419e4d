/**
 * The monitor end to end on real parts: a SQLite file, and a loopback DNS server whose zone
 * each test edits between checks. Every event kind is raised by a DNS change, and none is
 * raised when nothing changed; a DNS timeout or SERVFAIL is could-not-check, never "removed".
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { checkAndStore } from '../../src/monitor/run.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import type { MonitorStore } from '../../src/monitor/store.ts';
import type { CheckOutcome } from '../../src/monitor/run.ts';
import { type ProviderCatalogue, parseProviderCatalogue } from '../../src/record/providers.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

const KEY = 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const RECORD = 'v=spf1 mx include:spf.coachview.net -all';
const PROVIDER = 'v=spf1 ip4:212.83.209.0/24 -all';

const parsed = parseProviderCatalogue({
  version: 1,
  note: 'test catalogue',
  providers: [{ id: 'coachview', name: 'Coachview', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'], docs: 'https://example.test/coachview' }],
});
if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
const catalogue: ProviderCatalogue = parsed.catalogue;

type ZoneData = Record<string, unknown[]>;

function baseZone(): ZoneData {
  return {
    'klant.nl': [{ TXT: RECORD }, { MX: [10, 'mx.klant.nl'] }],
    'mx.klant.nl': [{ A: '192.0.2.1' }],
    'spf.coachview.net': [{ TXT: PROVIDER }],
    'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }],
    '_dmarc.klant.nl': [{ TXT: 'v=DMARC1; p=reject' }],
    'coach._domainkey.klant.nl': [{ CNAME: '_dkim.coachview.net' }],
    '_dkim.coachview.net': [{ TXT: KEY }],
    'own._domainkey.klant.nl': [{ TXT: KEY }],
  };
}

/** `spf.coachview.net` with `extra` more lookups after the ip4 that authorises the test address. */
function providerWith(extra: number): string {
  const terms = Array.from({ length: extra }, (_, i) => `a:out${i + 1}.coachview.net`);
  return ['v=spf1 ip4:212.83.209.0/24', ...terms, '-all'].join(' ');
}

describe('monitor checks and events (SQLite file, loopback DNS)', () => {
  let server: DnsServer;
  let dir = '';
  let store: MonitorStore;
  let zone: ZoneData;
  let clock = 0;
  let n = 0;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-monitor-events-'));
    server = await startDnsServer(zoneFromObject(baseZone()));
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    zone = baseZone();
    server.setZone(zoneFromObject(zone));
    store = await openSqliteStore({ file: join(dir, `events-${++n}.sqlite`) });
    await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }], dkimSelectors: ['coach', 'own'], customerId: 'K-1' }, '2026-01-01T00:00:00.000Z');
  });
  afterEach(() => store.close());

  /** Serves the zone as edited, then checks klant.nl and stores the check. */
  async function check(edit?: (zone: ZoneData) => void): Promise<CheckOutcome> {
    edit?.(zone);
    server.setZone(zoneFromObject(zone));
    const resolver = systemResolver({ servers: [server.address], timeout: 700, tries: 1 });
    clock += 60_000;
    return checkAndStore(store, 'klant.nl', { resolver, catalogue, now: () => new Date(Date.UTC(2026, 0, 2) + clock) });
  }

  const kinds = (outcome: CheckOutcome): string[] => outcome.events.map((e) => e.kind).sort();

  /** The first check, then one more with nothing changed: neither raises anything. */
  async function baseline(): Promise<CheckOutcome> {
    const first = await check();
    assert.deepEqual(kinds(first), []);
    assert.equal(first.check.situation, 'authorised');
    const again = await check();
    assert.deepEqual(kinds(again), [], 'nothing changed, so nothing is raised');
    return again;
  }

  it('keeps what a check found, and raises nothing while DNS stays the same', async () => {
    const { check: kept } = await baseline();
    assert.equal(kept.spf.status, 'record');
    assert.deepEqual(kept.spf.records, [RECORD]);
    assert.equal(kept.spf.lookups, 2);
    assert.equal(kept.spf.bytes, RECORD.length);
    assert.deepEqual(kept.services, [{ service: 'coachview', mechanism: 'include:spf.coachview.net', situation: 'authorised', by: 'include:spf.coachview.net', results: [{ ip: '212.83.209.204', result: 'pass', cause: 'matched', decidedBy: 'include:spf.coachview.net' }] }]);
    assert.deepEqual(kept.dmarc, { status: 'found', name: '_dmarc.klant.nl', record: 'v=DMARC1; p=reject', policy: 'reject' });
    assert.deepEqual(kept.dkim, [{ selector: 'coach', status: 'key', cname: '_dkim.coachview.net' }, { selector: 'own', status: 'key' }]);
    assert.deepEqual(kept.providers, [{ domain: 'spf.coachview.net', status: 'record', record: PROVIDER, lookups: 1 }]);
    assert.equal(kept.recordToPublish, undefined);
    assert.equal((await store.getDomain('klant.nl'))?.lastCheck?.id, kept.id);
    assert.equal((await store.recentChecks('klant.nl', 10)).length, 2);
    assert.deepEqual(await store.listEvents(), []);
  });

  it('the customer moves to Microsoft 365 and drops the include: record changed, alarm opened; the include back closes it', async () => {
    await baseline();
    const moved = await check((z) => void (z['klant.nl'] = [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }]));
    assert.deepEqual(kinds(moved), ['record-changed', 'situation-changed']);
    const changed = moved.events.find((e) => e.kind === 'record-changed');
    assert.deepEqual(changed?.before, RECORD);
    assert.deepEqual(changed?.after, 'v=spf1 include:spf.protection.outlook.com -all');
    assert.deepEqual(changed?.diff, ['- mx', '- include:spf.coachview.net', '+ include:spf.protection.outlook.com', '  -all']);
    const situation = moved.events.find((e) => e.kind === 'situation-changed');
    assert.deepEqual([situation?.before, situation?.after, situation?.alarm], ['authorised', 'not-authorised', 'open']);
    assert.equal(moved.check.situation, 'not-authorised');
    assert.equal(moved.check.recordToPublish, 'v=spf1 include:spf.protection.outlook.com include:spf.coachview.net -all');
    assert.deepEqual(kinds(await check()), [], 'still not authorised, but nothing new');

    const back = await check((z) => void (z['klant.nl'] = [{ TXT: 'v=spf1 include:spf.protection.outlook.com include:spf.coachview.net -all' }, { MX: [10, 'mx.klant.nl'] }]));
    assert.deepEqual(kinds(back), ['record-changed', 'situation-changed']);
    const closed = back.events.find((e) => e.kind === 'situation-changed');
    assert.deepEqual([closed?.before, closed?.after, closed?.alarm], ['not-authorised', 'authorised', 'close']);
    // Stored once each: the store holds exactly the four events raised.
    assert.equal((await store.listEvents({ domain: 'klant.nl' })).length, 4);
  });

  it('the record removed: record changed to none, situation authorised → none (no alarm)', async () => {
    await baseline();
    const gone = await check((z) => void (z['klant.nl'] = [{ MX: [10, 'mx.klant.nl'] }]));
    assert.deepEqual(kinds(gone), ['record-changed', 'situation-changed']);
    const changed = gone.events.find((e) => e.kind === 'record-changed');
    assert.deepEqual([changed?.before, changed?.after, changed?.diff], [RECORD, null, ['- mx', '- include:spf.coachview.net', '- -all']]);
    const situation = gone.events.find((e) => e.kind === 'situation-changed');
    assert.deepEqual([situation?.before, situation?.after, situation?.alarm], ['authorised', 'none', undefined]);
  });

  it("the provider's own record grows: every customer's count moves, to 10 and then over", async () => {
    await baseline();
    const grown = await check((z) => void (z['spf.coachview.net'] = [{ TXT: providerWith(8) }]));
    assert.deepEqual(kinds(grown), ['lookups-at-limit', 'provider-record-changed']);
    const provider = grown.events.find((e) => e.kind === 'provider-record-changed');
    assert.equal(provider?.subject, 'spf.coachview.net');
    assert.deepEqual(provider?.before, { record: PROVIDER, lookups: 1 });
    assert.deepEqual(provider?.after, { record: providerWith(8), lookups: 9 });
    assert.ok(provider?.diff?.includes('+ a:out8.coachview.net'));
    assert.deepEqual(grown.events.find((e) => e.kind === 'lookups-at-limit')?.after, 10);
    assert.equal(grown.check.spf.lookups, 10);
    assert.deepEqual(kinds(await check()), []);

    const over = await check((z) => void (z['spf.coachview.net'] = [{ TXT: providerWith(9) }]));
    assert.deepEqual(kinds(over), ['lookups-over-limit', 'provider-record-changed']);
    const event = over.events.find((e) => e.kind === 'lookups-over-limit');
    assert.deepEqual([event?.before, event?.after], [10, 11]);
  });

  it('the record grows over 450 octets (published as two strings)', async () => {
    await baseline();
    const ips = Array.from({ length: 24 }, (_, i) => `ip4:198.51.100.${i + 100}`).join(' ');
    const long = `v=spf1 mx include:spf.coachview.net ${ips} -all`;
    assert.ok(long.length > 450);
    const outcome = await check((z) => void (z['klant.nl'] = [{ TXT: [long.slice(0, 250), long.slice(250)] }, { MX: [10, 'mx.klant.nl'] }]));
    assert.deepEqual(kinds(outcome), ['record-changed', 'record-too-long']);
    assert.deepEqual(outcome.events.find((e) => e.kind === 'record-too-long')?.after, long.length);
    assert.deepEqual(outcome.check.spf.strings, [long.slice(0, 250), long.slice(250)]);
    assert.equal(outcome.check.spf.longestString, 250);
  });

  it('DMARC p= weakened, then the record removed', async () => {
    await baseline();
    const weaker = await check((z) => void (z['_dmarc.klant.nl'] = [{ TXT: 'v=DMARC1; p=quarantine' }]));
    assert.deepEqual(kinds(weaker), ['dmarc-weakened']);
    assert.deepEqual([weaker.events[0]?.before, weaker.events[0]?.after], ['reject', 'quarantine']);
    const stronger = await check((z) => void (z['_dmarc.klant.nl'] = [{ TXT: 'v=DMARC1; p=reject' }]));
    assert.deepEqual(kinds(stronger), [], 'a stronger policy is no alarm');
    const removed = await check((z) => void delete z['_dmarc.klant.nl']);
    assert.deepEqual(kinds(removed), ['dmarc-removed']);
    assert.deepEqual([removed.events[0]?.before, removed.events[0]?.after], ['v=DMARC1; p=reject', null]);
  });

  it('a DMARC or DKIM query that times out is unknown, not removed', async () => {
    await baseline();
    const outcome = await check((z) => {
      z['_dmarc.klant.nl'] = ['TIMEOUT'];
      z['own._domainkey.klant.nl'] = ['SERVFAIL'];
    });
    assert.deepEqual(kinds(outcome), []);
    assert.equal(outcome.check.dmarc.status, 'unavailable');
    assert.equal(outcome.check.dkim.find((d) => d.selector === 'own')?.status, 'unavailable');
    assert.equal(outcome.check.situation, 'authorised');
    // Back as they were: still nothing, compared with what was last known.
    assert.deepEqual(kinds(await check((z) => Object.assign(z, { '_dmarc.klant.nl': baseZone()['_dmarc.klant.nl'], 'own._domainkey.klant.nl': baseZone()['own._domainkey.klant.nl'] }))), []);
  });

  it('DKIM: a CNAME removed, a key revoked, a key removed', async () => {
    await baseline();
    const outcome = await check((z) => {
      delete z['coach._domainkey.klant.nl'];
      z['own._domainkey.klant.nl'] = [{ TXT: 'v=DKIM1; k=ed25519; p=' }];
    });
    assert.deepEqual(kinds(outcome), ['dkim-cname-removed', 'dkim-key-revoked']);
    assert.deepEqual(outcome.events.map((e) => [e.kind, e.subject, e.before, e.after]).sort(), [
      ['dkim-cname-removed', 'coach', '_dkim.coachview.net', null],
      ['dkim-key-revoked', 'own', 'key', 'revoked'],
    ]);
    assert.deepEqual(kinds(await check()), []);
    // A fresh key, then taken away.
    await check((z) => void (z['own._domainkey.klant.nl'] = [{ TXT: KEY }]));
    const removed = await check((z) => void delete z['own._domainkey.klant.nl']);
    assert.deepEqual(removed.events.map((e) => [e.kind, e.subject]), [['dkim-key-removed', 'own']]);
  });

  it('a domain that times out twice is could-not-check, with one repeated-failure event and no "removed"', async () => {
    await baseline();
    const first = await check((z) => void (z['klant.nl'] = ['TIMEOUT']));
    assert.equal(first.check.situation, 'could-not-check');
    assert.equal(first.check.spf.status, 'dns-error');
    assert.deepEqual(kinds(first), [], 'one failure raises nothing');
    const second = await check((z) => void (z['klant.nl'] = ['SERVFAIL']));
    assert.equal(second.check.situation, 'could-not-check');
    assert.deepEqual(kinds(second), ['could-not-check-repeated']);
    assert.deepEqual([second.events[0]?.before, second.events[0]?.after], [first.check.checkedAt, second.check.checkedAt]);
    assert.deepEqual(kinds(await check()), [], 'a third failure in the same run raises nothing new');
    // DNS answers again with the same record: nothing changed since it was last seen.
    const back = await check((z) => void (z['klant.nl'] = baseZone()['klant.nl'] ?? []));
    assert.deepEqual(kinds(back), []);
    assert.equal(back.check.situation, 'authorised');
    const all = await store.listEvents();
    assert.deepEqual(all.map((e) => e.kind), ['could-not-check-repeated']);
  });

  it('a change made while DNS failed is found against the last record seen', async () => {
    await baseline();
    await check((z) => void (z['klant.nl'] = ['TIMEOUT']));
    const changed = await check((z) => void (z['klant.nl'] = [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }]));
    assert.deepEqual(kinds(changed), ['record-changed', 'situation-changed']);
    assert.equal(changed.events.find((e) => e.kind === 'situation-changed')?.alarm, 'open');
  });

  it('an include that times out makes the evaluation temperror: could-not-check, not broken', async () => {
    await baseline();
    const outcome = await check((z) => void (z['spf.coachview.net'] = ['TIMEOUT']));
    assert.equal(outcome.check.situation, 'could-not-check');
    assert.equal(outcome.check.services[0]?.cause, 'dns-error');
    assert.equal(outcome.check.providers[0]?.status, 'dns-error');
    assert.deepEqual(kinds(outcome), []);
  });
});
