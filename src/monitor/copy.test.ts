import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spfkitIn } from '../../test/support/cli.ts';
import { type Postgres, startPostgres } from '../../test/support/services.ts';
import { CopyTargetNotEmptyError, copyStore } from './copy.ts';
import { openPgStore } from './pg-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { MonitorStore } from './store.ts';
import { sampleCheck } from './store.contract.ts';
import type { MonitorEvent } from './types.ts';

let server: Postgres;
let dir = '';
before(async () => {
  server = await startPostgres();
  dir = await mkdtemp(join(tmpdir(), 'spfkit-copy-'));
});
after(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const event = (domain: string, kind: MonitorEvent['kind'], subject = ''): MonitorEvent => ({ kind, domain, subject, before: 'authorised', after: 'not-authorised' });

/** Everything a store holds, with its own ids replaced by their order (ids are the target's). */
async function contents(store: MonitorStore): Promise<unknown> {
  const domains = await store.listDomains();
  const checkIds = new Map<number, number>();
  const out = [];
  for (const d of domains) {
    const checks = (await store.recentChecks(d.domain, 1000)).reverse();
    checks.forEach((c) => checkIds.set(c.id, checkIds.size));
    const events = (await store.listEvents({ domain: d.domain })).reverse();
    out.push({
      domain: { ...d, lastCheck: d.lastCheck === undefined ? undefined : { ...d.lastCheck, id: checkIds.get(d.lastCheck.id) } },
      checks: checks.map(({ id, ...c }) => ({ n: checkIds.get(id), ...c })),
      events: events.map(({ id: _id, checkId, ...e }) => ({ check: checkIds.get(checkId), ...e })),
    });
  }
  return out;
}

describe('copyStore', () => {
  it('moves a SQLite file into an empty PostgreSQL database whole, and refuses a target with data', async () => {
    const from = await openSqliteStore({ file: join(dir, 'monitor.sqlite') });
    await from.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }], customerId: 'K-1', label: 'Bakkerij', dkimSelectors: ['prezent-a'] }, '2026-01-01T00:00:00.000Z');
    await from.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }, { mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }], customerId: 'K-1', schedule: 'hourly' }, '2026-01-05T00:00:00.000Z');
    await from.watch({ domain: 'nooit.nl', services: [{ provider: 'byte' }], group: 'reseller-x' }, '2026-01-02T00:00:00.000Z');
    await from.setGroupSchedule('reseller-x', 'hourly');
    await from.addWebhook({ url: 'https://hooks.blueinkt.example/spf', secret: 's3cret', createdAt: '2026-01-02T00:00:00.000Z' });
    // More domains than a page, so paging is walked.
    for (let i = 0; i < 7; i++) await from.watch({ domain: `d${i}.nl`, services: [{ provider: 'byte' }] }, '2026-01-03T00:00:00.000Z');
    await from.saveCheck(sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'authorised'), []);
    await from.saveCheck(sampleCheck('d3.nl', '2026-01-01T01:00:00.000Z', 'authorised'), []);
    await from.saveCheck(sampleCheck('klant.nl', '2026-01-02T01:00:00.000Z', 'not-authorised', 'v=spf1 include:spf.protection.outlook.com -all'), [event('klant.nl', 'situation-changed'), event('klant.nl', 'record-changed')]);
    await from.saveCheck(sampleCheck('klant.nl', '2026-01-03T01:00:00.000Z', 'authorised'), [event('klant.nl', 'situation-changed')]);

    const to = await openPgStore({ url: server.database('copy_target') });
    const progress: number[] = [];
    assert.deepEqual(await copyStore(from, to, { pageSize: 3, onProgress: (c) => progress.push(c.domains) }), { domains: 9, checks: 4, events: 3 });
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(await contents(to), await contents(from));
    assert.deepEqual(await to.groupSchedules(), { 'reseller-x': 'hourly' });
    assert.deepEqual((await to.listWebhooks()).map(({ id: _id, ...h }) => h), [{ url: 'https://hooks.blueinkt.example/spf', secret: 's3cret', createdAt: '2026-01-02T00:00:00.000Z' }]);
    assert.equal((await to.getDomain('nooit.nl'))?.group, 'reseller-x');
    const klant = await to.getDomain('klant.nl');
    assert.equal(klant?.addedAt, '2026-01-01T00:00:00.000Z');
    assert.equal(klant?.updatedAt, '2026-01-05T00:00:00.000Z');
    assert.equal(klant?.lastCheck?.situation, 'authorised');

    await assert.rejects(copyStore(from, to), (error: unknown) => error instanceof CopyTargetNotEmptyError && error.domains === 9);
    assert.equal((await to.recentChecks('klant.nl', 100)).length, 3);

    // And back again: PostgreSQL into a new SQLite file gives the same data.
    const back = await openSqliteStore({ file: join(dir, 'back.sqlite') });
    await copyStore(to, back);
    assert.deepEqual(await contents(back), await contents(from));
    await Promise.all([from.close(), to.close(), back.close()]);
  });

  it('spfkit monitor copy --from <folder>: the data folder into DATABASE_URL, then the CLI works on PostgreSQL', async () => {
    const data = join(dir, 'cli-data');
    const local = await openSqliteStore({ file: join(data, 'monitor.sqlite') });
    await local.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }], customerId: 'K-9' }, '2026-01-01T00:00:00.000Z');
    await local.saveCheck(sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'not-authorised'), [event('klant.nl', 'situation-changed')]);
    await local.close();
    const env = { DATABASE_URL: server.database('cli_target') };

    const copied = await spfkitIn(env, 'monitor', 'copy', '--from', data);
    assert.equal(copied.code, 0, copied.stderr);
    assert.match(copied.stdout, /Copied 1 domain\(s\), 1 check\(s\) and 1 event\(s\) from .*monitor\.sqlite\. API tokens are not copied/);
    const listed = await spfkitIn(env, 'monitor', 'list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /"domain":"klant\.nl"/);
    assert.match(listed.stdout, /"customerId":"K-9"/);
    const events = await spfkitIn(env, 'monitor', 'events', '--json');
    assert.match(events.stdout, /situation-changed/);

    const again = await spfkitIn({ ...env, LANG: 'nl_NL.UTF-8' }, 'monitor', 'copy', '--from', data);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /bewaakt al 1 domein/);
    const missing = await spfkitIn(env, 'monitor', 'copy', '--from', join(dir, 'nothing-here'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /there is no monitor database at .*nothing-here/);
    const bare = await spfkitIn(env, 'monitor', 'copy');
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /--from <data folder>/);
  });

  it('a PostgreSQL server that is down is one line naming DATABASE_URL, exit 2', async () => {
    const url = server.url.replace(/:\d+\//, ':1/');
    const run = await spfkitIn({ DATABASE_URL: url }, 'monitor', 'list');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /PostgreSQL at 127\.0\.0\.1:1\/postgres \(DATABASE_URL\) refused the connection/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });
});
