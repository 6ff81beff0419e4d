/**
 * Issue 17.6: a void lookup past the limit inside a %{p} expansion was ignored — the check
 * passed while reporting 3 void lookups against a limit of 2 — where the same lookup through
 * `ptr` gives permerror (RFC 7208 §4.6.4). Both now end the check with permerror. Over real
 * DNS: the loopback server has no PTR for the client, so the PTR query is void.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { evaluateSpf } from '../../src/spf/evaluate.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

const ZONE = zoneFromObject({
  // Two void lookups (nxdomain), then the client's PTR names (none: void number three).
  'macro.example.com': [{ TXT: 'v=spf1 a:gone1.example.com a:gone2.example.com exists:%{p}.example.com -all' }],
  'ptr.example.com': [{ TXT: 'v=spf1 a:gone1.example.com a:gone2.example.com ptr -all' }],
  // What %{p} is without validated names ("unknown"): it exists, so a lost limit shows as pass.
  'unknown.example.com': [{ A: '127.0.0.2' }],
  // Under the limit: one void before, the PTR lookup is the second.
  'one.example.com': [{ TXT: 'v=spf1 a:gone1.example.com exists:%{p}.example.com -all' }],
});

let dns: DnsServer;
before(async () => {
  dns = await startDnsServer(ZONE);
});
after(() => dns.stop());

async function check(domain: string) {
  dns.queries.length = 0;
  const resolver = systemResolver({ servers: [dns.address], timeout: 1000, tries: 1 });
  return evaluateSpf({ ip: '192.0.2.1', sender: `me@${domain}`, helo: 'mail.example.org' }, { resolver });
}

describe('a void lookup past the limit in %{p} is a permerror, as through ptr (issue 17.6)', () => {
  it('ptr: the third void lookup (the PTR query) is a permerror', async () => {
    const c = await check('ptr.example.com');
    assert.equal(c.result, 'permerror');
    assert.deepEqual(c.cause, { code: 'void-limit', domain: 'ptr.example.com', limit: 2 });
    assert.equal(c.lookups.void, 3);
  });

  it('%{p}: the same third void lookup is the same permerror, not a pass', async () => {
    const c = await check('macro.example.com');
    assert.equal(c.result, 'permerror', JSON.stringify(c.cause));
    assert.deepEqual(c.cause, { code: 'void-limit', domain: 'macro.example.com', limit: 2 });
    assert.equal(c.lookups.void, 3);
    // The check stopped at the PTR query: unknown.example.com was never asked.
    assert.ok(!dns.queries.some((q) => q.name === 'unknown.example.com'), JSON.stringify(dns.queries));
  });

  it('%{p} within the limit still expands to "unknown" (RFC 7208 §7.3)', async () => {
    const c = await check('one.example.com');
    assert.equal(c.result, 'pass');
    assert.equal(c.lookups.void, 2);
  });
});
