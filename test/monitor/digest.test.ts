/**
 * The operators' digest as a job, on real parts: a SQLite file, a loopback DNS server whose
 * zone the test edits, and a real SMTP sink (smtp-server) receiving the mails. The first run
 * marks where it starts (no flood of old events); a change is sent once, never twice; an SMTP
 * server that is down leaves the marker where it was, so the next run sends; the settings
 * name the variable that cannot work. `spfkit monitor digest` runs the same job.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { DIGEST_MARKER, digestSettings, runDigest } from '../../src/monitor/digest.ts';
import { checkAndStore } from '../../src/monitor/run.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import type { MonitorStore } from '../../src/monitor/store.ts';
import { type ProviderCatalogue, parseProviderCatalogue } from '../../src/record/providers.ts';
import { spfkitIn } from '../support/cli.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

const parsed = parseProviderCatalogue({
  version: 1,
  note: 'test catalogue',
  providers: [{ id: 'coachview', name: 'Coachview', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'], docs: 'https://example.test/coachview' }],
});
if (!parsed.ok) throw new Error('bad test catalogue');
const catalogue: ProviderCatalogue = parsed.catalogue;

const GOOD = 'v=spf1 include:spf.coachview.net -all';
const MOVED = 'v=spf1 include:spf.protection.outlook.com -all';

describe('the operators\' digest as a job (SQLite file, loopback DNS, SMTP sink)', () => {
  let dns: DnsServer;
  let dir = '';
  let store: MonitorStore;
  let zone: Record<string, unknown[]>;
  let minute = 0;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-digest-'));
    zone = { 'klant.nl': [{ TXT: GOOD }], 'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }], 'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }] };
    dns = await startDnsServer(zoneFromObject(zone as never));
    store = await openSqliteStore({ file: join(dir, 'data', 'monitor.sqlite') });
    await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }], customerId: 'K-1' }, '2026-01-01T00:00:00.000Z');
  });
  after(async () => {
    await store.close();
    await dns.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function check(record: string): Promise<void> {
    zone['klant.nl'] = [{ TXT: record }];
    dns.setZone(zoneFromObject(zone as never));
    const at = new Date(Date.UTC(2026, 5, 1, 0, ++minute));
    await checkAndStore(store, 'klant.nl', { resolver: systemResolver({ servers: [dns.address], timeout: 500, tries: 1 }), catalogue, now: () => at });
  }

  it('starts at the newest event, then sends each change once, in the operator\'s language', async () => {
    await check(GOOD);
    await check(MOVED); // events before the digest was set up: not sent
    const sink = await startSmtpSink();
    try {
      const options = { smtpUrl: sink.url, from: 'spfkit@provider.test', operators: [{ email: 'beheer@provider.test', lang: 'nl' as const }] };
      const first = await runDigest(store, options);
      assert.equal(first.kind, 'started');
      assert.equal(sink.mails.length, 0);
      assert.equal(await runDigest(store, options).then((r) => r.kind), 'nothing');

      await check(GOOD); // not-authorised → authorised, record changed
      const sent = await runDigest(store, options);
      assert.equal(sent.kind, 'sent', JSON.stringify(sent));
      assert.equal(sent.kind === 'sent' && sent.events, 2);
      assert.equal(sink.mails.length, 1);
      assert.deepEqual(sink.mails[0]?.to, ['beheer@provider.test']);
      assert.match(sink.mails[0]?.raw ?? '', /^Subject: spfkit: 2 wijzigingen in gevolgde domeinen$/m);
      assert.equal(await runDigest(store, options).then((r) => r.kind), 'nothing', 'never twice');
      assert.equal(sink.mails.length, 1);
    } finally {
      await sink.stop();
    }
  });

  it('an SMTP server that is down leaves the marker where it was; the next run sends', async () => {
    const before = await store.getMarker(DIGEST_MARKER);
    await check(MOVED);
    const down = await startSmtpSink();
    await down.stop();
    const failed = await runDigest(store, { smtpUrl: down.url, from: 'spfkit@provider.test', operators: [{ email: 'noc@provider.test', lang: 'en' }] });
    assert.equal(failed.kind, 'failed');
    assert.equal(await store.getMarker(DIGEST_MARKER), before, 'moved back');
    const sink = await startSmtpSink();
    try {
      const sent = await runDigest(store, { smtpUrl: sink.url, from: 'spfkit@provider.test', operators: [{ email: 'noc@provider.test', lang: 'en' }] });
      assert.equal(sent.kind, 'sent');
      assert.match(sink.mails[0]?.raw ?? '', /^Subject: spfkit: 2 changes in watched domains$/m);
    } finally {
      await sink.stop();
    }
  });

  it('spfkit monitor digest runs the same job on the data folder, with the settings from the environment', async () => {
    await check(GOOD);
    const sink = await startSmtpSink();
    try {
      const env = { SPFKIT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SPFKIT_DIGEST_SMTP: sink.url, SPFKIT_DIGEST_FROM: 'spfkit@provider.test', SPFKIT_DIGEST_TO: 'noc@provider.test' };
      const run = await spfkitIn(env, 'monitor', 'digest');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^sent to noc@provider\.test$/m);
      assert.match(run.stderr, /Digest of 2 events sent\./);
      assert.equal(sink.mails.length, 1);
      const again = await spfkitIn(env, 'monitor', 'digest', '--lang', 'nl');
      assert.match(again.stdout, /Geen gebeurtenissen sinds het vorige overzicht/);
      const bad = await spfkitIn({ ...env, SPFKIT_DIGEST_TO: 'not an address' }, 'monitor', 'digest');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /SPFKIT_DIGEST_TO: "not an address" is not an address/);
    } finally {
      await sink.stop();
    }
  });

  it('reads its settings from the environment, naming the variable that cannot work', () => {
    assert.equal(digestSettings({}), undefined, 'no SMTP server: no digest');
    const ok = digestSettings({ SPFKIT_DIGEST_SMTP: 'smtp://127.0.0.1:2525', SPFKIT_DIGEST_FROM: 'spfkit@provider.nl', SPFKIT_DIGEST_TO: 'noc@provider.nl, beheer@provider.nl:nl', SPFKIT_DIGEST_SCHEDULE: 'every 6h' });
    assert.deepEqual(ok?.operators, [{ email: 'noc@provider.nl', lang: 'en' }, { email: 'beheer@provider.nl', lang: 'nl' }]);
    assert.equal(ok?.schedule.kind, 'interval');
    const base = { SPFKIT_DIGEST_SMTP: 'smtp://127.0.0.1:2525', SPFKIT_DIGEST_FROM: 'spfkit@provider.nl', SPFKIT_DIGEST_TO: 'noc@provider.nl' };
    assert.equal(digestSettings(base)?.schedule.text, '0 7 * * *');
    assert.throws(() => digestSettings({ ...base, SPFKIT_DIGEST_SMTP: 'http://x' }), /^DigestSettingError: SPFKIT_DIGEST_SMTP: /);
    assert.throws(() => digestSettings({ ...base, SPFKIT_DIGEST_FROM: '' }), /^DigestSettingError: SPFKIT_DIGEST_FROM: /);
    assert.throws(() => digestSettings({ ...base, SPFKIT_DIGEST_TO: '' }), /^DigestSettingError: SPFKIT_DIGEST_TO: name at least one/);
    assert.throws(() => digestSettings({ ...base, SPFKIT_DIGEST_SCHEDULE: 'every 1m' }), /^DigestSettingError: SPFKIT_DIGEST_SCHEDULE: "every 1m" is not a usable schedule \(schedule-too-often\)/);
  });
});
