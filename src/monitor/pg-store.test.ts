import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Server, type Socket, createServer } from 'node:net';
import pg from 'pg';
import { freePort, type Postgres, startPostgres } from '../../test/support/services.ts';
import { MIGRATIONS, type Migration, SchemaVersionError } from './migrations.ts';
import { openStore, storeLocation } from './open.ts';
import { openPgStore, pgTarget } from './pg-store.ts';
import { sampleCheck, storeContract } from './store.contract.ts';
import { StoreUnavailableError, type StoreUnavailableReason } from './store.ts';

let server: Postgres;
let n = 0;
before(async () => {
  server = await startPostgres();
});
after(() => server.stop());

/** A fresh, empty database on the test server. */
const freshDatabase = (what: string): string => server.database(`${what}_${++n}`);

async function rows(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const unavailable =
  (reasons: StoreUnavailableReason[], includes: string) =>
  (error: unknown): boolean => {
    assert.ok(error instanceof StoreUnavailableError, `expected StoreUnavailableError, got ${String(error)}`);
    assert.ok(reasons.includes(error.reason), `reason ${error.reason}, expected one of ${reasons.join(', ')}: ${error.message}`);
    assert.ok(error.message.includes(includes), `${JSON.stringify(error.message)} should name ${includes}`);
    return true;
  };

// The one suite, against a real PostgreSQL server: a database of its own per test.
storeContract('PostgreSQL server', { open: () => openPgStore({ url: freshDatabase('contract') }) });

const NEXT = MIGRATIONS.length + 1;
const V2: Migration = { version: NEXT, name: 'domain notes', statements: ['ALTER TABLE watched_domains ADD COLUMN note TEXT'] };

describe('PostgreSQL store', () => {
  it('is what DATABASE_URL=postgres://… opens, and two stores on one database see each other', async () => {
    const url = freshDatabase('open');
    const one = await openStore(storeLocation({ cwd: '/tmp', env: { DATABASE_URL: url } }));
    const two = await openStore(storeLocation({ cwd: '/tmp', env: { DATABASE_URL: url } }));
    await one.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
    const saved = await two.saveCheck(sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'authorised'), []);
    assert.deepEqual((await one.getDomain('klant.nl'))?.lastCheck, { id: saved.check.id, checkedAt: '2026-01-01T01:00:00.000Z', situation: 'authorised' });
    assert.equal(typeof saved.check.id, 'number');
    await one.close();
    await two.close();
    await one.close(); // closing twice is harmless
    assert.deepEqual(await rows(url, 'SELECT version, name FROM schema_migrations ORDER BY version'), MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('applies each migration once when several stores open a fresh database at the same time', async () => {
    const url = freshDatabase('race');
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPgStore({ url, migrations: [...MIGRATIONS, V2] })));
    for (const store of stores) assert.equal(await store.schemaVersion(), NEXT);
    await Promise.all(stores.map((s) => s.close()));
    assert.deepEqual(await rows(url, 'SELECT version FROM schema_migrations ORDER BY version'), [...MIGRATIONS, V2].map((m) => ({ version: m.version })));
  });

  it('applies a later migration to a database with data, refuses a newer one, rolls a failing one back', async () => {
    const url = freshDatabase('migrate');
    const v1 = await openPgStore({ url });
    await v1.watch({ domain: 'klant.nl', services: [{ provider: 'byte' }] }, '2026-01-01T00:00:00.000Z');
    await v1.close();
    const v2 = await openPgStore({ url, migrations: [...MIGRATIONS, V2], now: () => new Date('2026-02-01T00:00:00.000Z') });
    assert.equal(await v2.schemaVersion(), NEXT);
    assert.equal((await v2.getDomain('klant.nl'))?.domain, 'klant.nl');
    await v2.close();
    assert.deepEqual(await rows(url, `SELECT version, applied_at FROM schema_migrations WHERE version = ${NEXT}`), [{ version: NEXT, applied_at: '2026-02-01T00:00:00.000Z' }]);
    await assert.rejects(openPgStore({ url }), (error: unknown) => error instanceof SchemaVersionError && new RegExp(`schema version ${NEXT}.*knows up to ${MIGRATIONS.length}`).test(error.message));

    const other = freshDatabase('failing');
    const bad: Migration = { version: NEXT, name: 'half', statements: ['CREATE TABLE half_done (x TEXT)', 'THIS IS NOT SQL'] };
    await assert.rejects(openPgStore({ url: other, migrations: [...MIGRATIONS, bad] }), /syntax error/);
    assert.deepEqual(await rows(other, "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'"), []);
    assert.deepEqual(await rows(other, 'SELECT version FROM schema_migrations ORDER BY version'), MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('orders domains byte-wise like SQLite, whatever the database collation', async () => {
    // A database whose default collation is ICU's (language order: '-' and '_' nearly ignored,
    // digits before letters): without the schema's COLLATE "C" the list order would differ.
    const name = `icu_${++n}`;
    await rows(server.url, `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C'`);
    const store = await openPgStore({ url: server.url.replace(/\/postgres$/, `/${name}`) });
    const domains = ['ab.nl', 'a-c.nl', 'a.nl', 'xn--bcher-kva.nl', 'a_d.nl', 'a9.nl', 'aa.nl'];
    for (const domain of domains) await store.watch({ domain, services: [{ provider: 'byte' }] }, '2026-01-01T00:00:00.000Z');
    assert.deepEqual((await store.listDomains()).map((d) => d.domain), ['a-c.nl', 'a.nl', 'a9.nl', 'a_d.nl', 'aa.nl', 'ab.nl', 'xn--bcher-kva.nl']);
    assert.deepEqual((await store.listDomains({ offset: 2, limit: 2 })).map((d) => d.domain), ['a9.nl', 'a_d.nl']);
    await store.close();
  });
});

describe('PostgreSQL store: a server that cannot be used is a clear error, never a hang', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let silentPort = 0;
  before(async () => {
    // Accepts the connection and never says a word: only the connect timeout ends the wait.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    silentPort = typeof address === 'object' && address !== null ? address.port : 0;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('nothing listening: refused, naming server and setting but not the password', async () => {
    const port = await freePort();
    const url = `postgres://spfkit:s3cret-pw@127.0.0.1:${port}/spfkit`;
    await assert.rejects(openStore(storeLocation({ cwd: '/tmp', env: { DATABASE_URL: url } })), (error: unknown) => {
      unavailable(['refused'], `127.0.0.1:${port}/spfkit`)(error);
      assert.ok(error instanceof StoreUnavailableError && error.setting === 'DATABASE_URL' && error.message.includes('(DATABASE_URL)'));
      assert.ok(!error.message.includes('s3cret-pw'));
      return true;
    });
  });

  it('a server that never answers: timeout after the connect timeout', async () => {
    await assert.rejects(openPgStore({ url: `postgres://spfkit@127.0.0.1:${silentPort}/spfkit`, connectTimeoutMs: 300 }), unavailable(['timeout'], `127.0.0.1:${silentPort}`));
  });

  it('a database or user that does not exist', async () => {
    const missing = server.url.replace(/\/postgres$/, '/no_such_db');
    await assert.rejects(openPgStore({ url: missing }), unavailable(['no-database'], 'no_such_db'));
    const stranger = server.url.replace('spfkit@', 'stranger@');
    await assert.rejects(openPgStore({ url: stranger }), unavailable(['auth'], 'stranger'));
  });

  it('the server stopped under an open store: calls fail clearly, and work again after a restart', async () => {
    const url = freshDatabase('restart');
    const store = await openPgStore({ url, connectTimeoutMs: 2_000 });
    await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
    await server.halt();
    try {
      const down = unavailable(['refused', 'lost'], `127.0.0.1:${server.port}`);
      await assert.rejects(store.getDomain('klant.nl'), down);
      await assert.rejects(store.saveCheck(sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'authorised'), []), down);
      await assert.rejects(store.listDomains(), down);
    } finally {
      await server.restart();
    }
    const saved = await store.saveCheck(sampleCheck('klant.nl', '2026-01-01T02:00:00.000Z', 'authorised'), []);
    assert.deepEqual((await store.recentChecks('klant.nl', 5)).map((c) => c.id), [saved.check.id]);
    assert.equal((await store.getDomain('klant.nl'))?.lastCheck?.checkedAt, '2026-01-01T02:00:00.000Z');
    await store.close();
  });
});

describe('pgTarget', () => {
  const table = [
    ['postgres://u:pw@db.internal:6543/spfkit', 'db.internal:6543/spfkit'],
    ['postgresql://u@db/spfkit', 'db:5432/spfkit'],
    ['postgres://jan@db', 'db:5432/jan'],
    ['postgres:///spfkit?host=/var/run/postgresql', '/var/run/postgresql:5432/spfkit'],
  ] as const;
  for (const [url, target] of table) it(`${url} → ${target}`, () => assert.equal(pgTarget(url), target));
});
