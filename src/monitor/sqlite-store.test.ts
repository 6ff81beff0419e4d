import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DIALECT_SLOTS, MIGRATIONS, type Migration, SchemaVersionError, migrationSql, pendingMigrations } from './migrations.ts';
import { SQLITE_FILE, StoreSettingError, openStore, storeLocation } from './open.ts';
import { domainOrder } from './rows.ts';
import { sampleCheck, storeContract } from './store.contract.ts';
import { StoreOpenError, openSqliteStore } from './sqlite-store.ts';

let dir = '';
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spfkit-monitor-'));
});
after(() => rm(dir, { recursive: true, force: true }));

// A real file per test, in a folder that does not exist yet (created on first use).
storeContract('SQLite file', { open: () => openSqliteStore({ file: join(dir, `contract-${++n}`, 'sub', 'monitor.sqlite') }) });

/** The next migration a later spfkit would add, whatever the current schema is at. */
const NEXT = MIGRATIONS.length + 1;
const V2: Migration = { version: NEXT, name: 'domain notes', statements: ['ALTER TABLE watched_domains ADD COLUMN note TEXT'] };

describe('SQLite store on disk', () => {
  it('creates the folder and file on first use, and keeps the data when reopened', async () => {
    const file = join(dir, 'reopen', 'deeper', 'monitor.sqlite');
    const store = await openSqliteStore({ file });
    await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, '2026-01-01T00:00:00.000Z');
    await store.saveCheck(sampleCheck('klant.nl', '2026-01-01T01:00:00.000Z', 'authorised'), []);
    await store.close();
    assert.ok((await stat(file)).size > 0);
    const again = await openSqliteStore({ file });
    assert.equal((await again.getDomain('klant.nl'))?.lastCheck?.situation, 'authorised');
    assert.equal((await again.recentChecks('klant.nl', 5)).length, 1);
    await again.close();
    // The file is a plain SQLite database: migrations recorded once, not re-applied on reopen.
    const db = new Database(file, { readonly: true });
    assert.deepEqual(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all(), MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('applies a later migration to a database that has data, once', async () => {
    const file = join(dir, 'migrate', 'monitor.sqlite');
    const v1 = await openSqliteStore({ file });
    await v1.watch({ domain: 'klant.nl', services: [{ provider: 'byte' }] }, '2026-01-01T00:00:00.000Z');
    await v1.close();
    const v2 = await openSqliteStore({ file, migrations: [...MIGRATIONS, V2], now: () => new Date('2026-02-01T00:00:00.000Z') });
    assert.equal(await v2.schemaVersion(), NEXT);
    assert.equal((await v2.getDomain('klant.nl'))?.domain, 'klant.nl');
    await v2.close();
    const reopened = await openSqliteStore({ file, migrations: [...MIGRATIONS, V2] });
    assert.equal(await reopened.schemaVersion(), NEXT);
    await reopened.close();
    const db = new Database(file, { readonly: true });
    assert.deepEqual(db.prepare('SELECT version, applied_at FROM schema_migrations WHERE version = ?').all(NEXT), [{ version: NEXT, applied_at: '2026-02-01T00:00:00.000Z' }]);
    assert.ok((db.prepare('PRAGMA table_info(watched_domains)').all() as Array<{ name: string }>).some((c) => c.name === 'note'));
    db.close();
  });

  it('refuses a database written by a newer spfkit, leaving it as it was', async () => {
    const file = join(dir, 'newer', 'monitor.sqlite');
    await (await openSqliteStore({ file, migrations: [...MIGRATIONS, V2] })).close();
    const before = await readFile(file);
    await assert.rejects(openSqliteStore({ file }), (error: unknown) => error instanceof SchemaVersionError && new RegExp(`schema version ${NEXT}.*knows up to ${MIGRATIONS.length}`).test(error.message));
    assert.deepEqual(await readFile(file), before);
  });

  it('rolls a failing migration back entirely', async () => {
    const file = join(dir, 'failing', 'monitor.sqlite');
    const bad: Migration = { version: NEXT, name: 'half', statements: ['CREATE TABLE half_done (x TEXT)', 'THIS IS NOT SQL'] };
    await assert.rejects(openSqliteStore({ file, migrations: [...MIGRATIONS, bad] }), /syntax error/);
    const db = new Database(file, { readonly: true });
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all(), []);
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all(), MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
  });

  it('says clearly when the file is not a database', async () => {
    const file = join(dir, 'not-a-db.sqlite');
    await writeFile(file, 'domain,provider\nklant.nl,coachview\n'.repeat(200));
    await assert.rejects(openSqliteStore({ file }), (error: unknown) => error instanceof StoreOpenError && error.message.includes(file) && /not a database/.test(error.message));
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3 … and pending ones come in order', () => {
    const all = [...MIGRATIONS, V2].map((m) => m.version);
    assert.deepEqual(all, Array.from({ length: NEXT }, (_, i) => i + 1));
    assert.deepEqual(pendingMigrations([], [...MIGRATIONS, V2]).map((m) => m.version), all);
    assert.deepEqual(pendingMigrations([1], [...MIGRATIONS, V2]).map((m) => m.version), all.slice(1));
    assert.deepEqual(pendingMigrations(all, [...MIGRATIONS, V2]), []);
    assert.throws(() => pendingMigrations([], [...MIGRATIONS, { ...V2, version: NEXT + 1 }]), SchemaVersionError);
  });

  it('fill the dialect slots and are otherwise the same SQL', () => {
    // Each rendered statement is the written one with exactly the slot fills put in: no other difference.
    const shape = (sql: string): { pattern: RegExp; slots: string[] } => {
      const slots: string[] = [];
      const source = sql.split(/(\{\{\w+\}\})/).map((part) => {
        const slot = /^\{\{(\w+)\}\}$/.exec(part);
        if (slot === null) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        slots.push(slot[1] ?? '');
        return '(.*?)';
      });
      return { pattern: new RegExp(`^${source.join('')}$`, 's'), slots };
    };
    for (const migration of MIGRATIONS) {
      for (const dialect of ['sqlite', 'postgres'] as const) {
        const rendered = migrationSql(migration, dialect);
        assert.equal(rendered.length, migration.statements.length);
        migration.statements.forEach((written, i) => {
          const { pattern, slots } = shape(written);
          const match = pattern.exec(rendered[i] ?? '');
          assert.ok(match !== null, `${dialect}: ${rendered[i]}`);
          assert.deepEqual(match.slice(1), slots.map((slot) => DIALECT_SLOTS[slot]?.[dialect]));
        });
      }
    }
    const pg = migrationSql(MIGRATIONS[0] as Migration, 'postgres').join('\n');
    assert.match(pg, /id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY/);
    assert.match(pg, /domain TEXT COLLATE "C" PRIMARY KEY/);
    // SQLite's statements are those migration 1 shipped with: plain TEXT domains.
    assert.match(migrationSql(MIGRATIONS[0] as Migration, 'sqlite').join('\n'), /domain TEXT PRIMARY KEY/);
    assert.throws(() => migrationSql({ version: 9, name: 'typo', statements: ['CREATE TABLE t (x {{nope}})'] }, 'sqlite'), /unknown slot \{\{nope\}\}/);
  });
});

describe('storeLocation', () => {
  const cwd = '/srv/app';
  const table = [
    ['--data wins', { dataDir: 'mine', env: { SPFKIT_DATA_DIR: '/x', HOME: '/home/jan' } }, '/srv/app/mine'],
    ['SPFKIT_DATA_DIR', { env: { SPFKIT_DATA_DIR: '/var/lib/spfkit', XDG_DATA_HOME: '/xdg', HOME: '/home/jan' } }, '/var/lib/spfkit'],
    ['XDG_DATA_HOME', { env: { XDG_DATA_HOME: '/xdg', HOME: '/home/jan' } }, '/xdg/spfkit'],
    ['a relative XDG_DATA_HOME is ignored (XDG spec)', { env: { XDG_DATA_HOME: 'rel', HOME: '/home/jan' } }, '/home/jan/.local/share/spfkit'],
    ['HOME', { env: { HOME: '/home/jan' } }, '/home/jan/.local/share/spfkit'],
    ['no home at all', { env: {} }, '/srv/app/data-monitor'],
    ['--data beats DATABASE_URL', { dataDir: '/d', env: { DATABASE_URL: 'postgres://db/spfkit' } }, '/d'],
  ] as const;
  for (const [name, options, dataDir] of table) {
    it(name, () => {
      assert.deepEqual(storeLocation({ cwd, ...options }), { kind: 'sqlite', dataDir, file: join(dataDir, SQLITE_FILE) });
    });
  }

  it('names PostgreSQL for DATABASE_URL=postgres://…, and a bad URL by its setting', () => {
    const location = storeLocation({ cwd, env: { DATABASE_URL: 'postgresql://u@db/spfkit', HOME: '/home/jan' } });
    assert.deepEqual(location, { kind: 'postgres', url: 'postgresql://u@db/spfkit' });
    const bySetting = (error: unknown): boolean => error instanceof StoreSettingError && error.setting === 'DATABASE_URL';
    assert.throws(() => storeLocation({ cwd, env: { DATABASE_URL: 'mysql://db' } }), bySetting);
    assert.throws(() => storeLocation({ cwd, env: { DATABASE_URL: 'postgres://db:port/spfkit' } }), bySetting);
  });

  it('opens the embedded store where the location says', async () => {
    const location = storeLocation({ cwd: dir, env: { SPFKIT_DATA_DIR: 'via-env' } });
    const store = await openStore(location);
    assert.equal(await store.schemaVersion(), MIGRATIONS.length);
    await store.close();
    assert.ok((await stat(join(dir, 'via-env', SQLITE_FILE))).isFile());
  });
});

describe('SQLite store: the dashboard sorts are served by an index', () => {
  it('plans every sort, both ways, on the whole table without a sort step', async () => {
    const file = join(dir, 'plans', 'monitor.sqlite');
    await (await openSqliteStore({ file })).close();
    const db = new Database(file, { readonly: true });
    for (const sort of ['domain', 'situation', 'checked'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM watched_domains${domainOrder({ sort, order }, 'sqlite')} LIMIT 50 OFFSET 99950`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
        assert.doesNotMatch(plan, /TEMP B-TREE/, `${sort} ${order}: ${plan}`);
        assert.match(plan, /INDEX/, `${sort} ${order}: ${plan}`);
      }
    }
    db.close();
  });
});
