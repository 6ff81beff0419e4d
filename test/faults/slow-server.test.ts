/**
 * Issue 17.7: a server answering after the first try's timeout but within `timeout × tries`
 * gave an answer or a timeout at random (c-ares adapts and doubles its per-try timeout, and
 * may drop a late answer to an earlier try), and a query after a timed-out one could time out
 * early. The same slow answer must give the same result every time. Over real DNS: the
 * loopback server holds every answer back 1.3 s; the resolver's tries are 1 s each, 2 tries.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { evaluateSpf } from '../../src/spf/evaluate.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

const ZONE = zoneFromObject({
  'slow.example.com': [{ TXT: 'v=spf1 ip4:192.0.2.99 -all' }],
  'slow2.example.com': [{ TXT: 'v=spf1 ip4:192.0.2.99 -all' }],
  'dead.example.com': ['TIMEOUT'],
});

let dns: DnsServer;
before(async () => {
  dns = await startDnsServer(ZONE, { delayMs: 1300 });
});
after(() => dns.stop());

describe('a slow answer within timeout × tries gives the same result every time (issue 17.7)', () => {
  it('six queries, then six checks, in a row on one resolver: the answer each time, never a timeout', async () => {
    const resolver = systemResolver({ servers: [dns.address], timeout: 1000, tries: 2 });
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) kinds.push((await resolver.query(i % 2 === 0 ? 'slow.example.com' : 'slow2.example.com', 'TXT')).kind);
    assert.deepEqual(kinds, ['answer', 'answer', 'answer', 'answer', 'answer', 'answer']);
    const results: string[] = [];
    for (let i = 0; i < 6; i++) {
      const check = await evaluateSpf({ ip: '192.0.2.1', sender: `me@${i % 2 === 0 ? 'slow' : 'slow2'}.example.com`, helo: 'mail.example.org' }, { resolver });
      results.push(check.result === 'temperror' ? `temperror ${JSON.stringify(check.cause)}` : check.result);
    }
    assert.deepEqual(results, ['fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
  });

  it('after a query that timed out, the next slow answer on the same resolver is still taken', async () => {
    const resolver = systemResolver({ servers: [dns.address], timeout: 1000, tries: 2 });
    const dead = await resolver.query('dead.example.com', 'TXT');
    assert.equal(dead.kind, 'timeout');
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(await resolver.query('slow.example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 ip4:192.0.2.99 -all']] });
    }
  });
});
