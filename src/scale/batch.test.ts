import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { openSqliteStore } from '../monitor/sqlite-store.ts';
import type { ProviderCatalogue } from '../record/providers.ts';
import { processBatch } from './batch.ts';

const catalogue: ProviderCatalogue = { version: 1, providers: [] } as unknown as ProviderCatalogue;
const zone = zoneFromText(`zone:
  a.nl: [{TXT: "v=spf1 ip4:192.0.2.1 -all"}]
  b.nl: [{TXT: "v=spf1 -all"}]
`);

describe('processBatch', () => {
  it('checks each domain once per slot: a retried batch writes no check twice, and a poison domain does not stop the rest', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    const at = '2026-01-01T00:00:00.000Z';
    for (const domain of ['a.nl', 'b.nl', 'c.nl']) await store.watch({ domain, services: [{ mechanism: 'ip4:192.0.2.1' }] }, at);
    const check = { resolver: zoneResolver(zone, { log: false }), catalogue, now: () => new Date('2026-01-01T06:00:00.000Z') };
    const slot = '2026-01-01T06:00:00.000Z';
    const first = await processBatch({ slot, domains: ['a.nl', 'b.nl', 'gone.nl'] }, { store, check, concurrency: 2 });
    assert.deepEqual([...first.checked].sort(), ['a.nl', 'b.nl']);
    assert.deepEqual(first.notWatched, ['gone.nl']);
    const again = await processBatch({ slot, domains: ['a.nl', 'b.nl', 'c.nl'] }, { store, check });
    assert.deepEqual(again.skipped, ['a.nl', 'b.nl']);
    assert.deepEqual(again.checked, ['c.nl']);
    assert.deepEqual(await store.countSlot(slot), { checks: 3, events: 0 });
    assert.equal((await store.getDomain('a.nl'))?.lastCheck?.situation, 'authorised');
    // A store that throws for one domain (a corrupt row): that domain fails, the others are stored.
    const poisoned = { ...store, getDomain: async (d: string) => (d === 'b.nl' ? Promise.reject(new Error('corrupt row')) : store.getDomain(d)) };
    const next = await processBatch({ slot: '2026-01-02T06:00:00.000Z', domains: ['a.nl', 'b.nl', 'c.nl'] }, { store: poisoned, check });
    assert.deepEqual(next.failed, [{ domain: 'b.nl', error: 'corrupt row' }]);
    assert.deepEqual([...next.checked].sort(), ['a.nl', 'c.nl']);
    await store.close();
  });
});
