import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ttlRecordingResolver } from './ttl.ts';
import { zoneFromObject, zoneResolver } from './zone.ts';

describe('ttlRecordingResolver', () => {
  const zone = zoneFromObject({
    'a.example': [{ TXT: 'v=spf1 -all', ttl: 3600 }, { A: '192.0.2.1', ttl: 120 }],
    'b.example': [{ TXT: 'no ttl' }, { TIMEOUT: 'A' }],
  });

  it('keeps the smallest TTL of the answers passed through, and passes them unchanged', async () => {
    const inner = zoneResolver(zone, { log: false });
    const ttl = ttlRecordingResolver(inner);
    assert.equal(ttl.smallestTtl(), undefined);
    assert.deepEqual(await ttl.query('a.example', 'TXT'), await inner.query('a.example', 'TXT'));
    assert.equal(ttl.smallestTtl(), 3600);
    await ttl.query('a.example', 'A');
    assert.equal(ttl.smallestTtl(), 120);
    await ttl.query('a.example', 'TXT');
    assert.equal(ttl.smallestTtl(), 120);
  });

  it('counts no TTL for answers without one, nor for a timeout', async () => {
    const ttl = ttlRecordingResolver(zoneResolver(zone, { log: false }));
    await ttl.query('b.example', 'TXT');
    assert.equal((await ttl.query('b.example', 'A')).kind, 'timeout');
    assert.equal(ttl.smallestTtl(), undefined);
  });
});
