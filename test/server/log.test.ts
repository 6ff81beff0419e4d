// The request log keeps no sender addresses: query strings are cut from logged URLs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { zoneFromText, zoneResolver } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';

describe('request log', () => {
  it('logs method and path, not the identity in the query string', async () => {
    let out = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const zone = zoneFromText('zone: { klant.nl: [ { A: 192.0.2.10 } ] }');
    const app = createServer({ resolver: zoneResolver(zone), logger: { level: 'info', stream } });
    const response = await app.inject({ method: 'GET', url: '/api/why?scope=mfrom&identity=info@klant.nl&ip=5.255.64.53' });
    assert.equal(response.statusCode, 200);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as { req?: { url?: string } });
    assert.ok(lines.some((line) => line.req?.url === '/api/why'), out);
    assert.ok(!out.includes('info@klant.nl'), 'a sender address reached the log');
    await app.close();
  });
});
