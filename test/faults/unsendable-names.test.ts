/**
 * Issue 17.5: names that cannot be sent (U+202E, a zero-width joiner, a lone surrogate, an
 * invalid A-label) were asked as the DNS root — node's resolver turns a name without an IDNA
 * form into "" — and a server answering the root made `/api/check` say pass. Such a sender
 * domain is malformed: `none` before any query (RFC 7208 §4.3); such a target matches nothing
 * (bad-domain-spec, docs/deviations.md). The DNS server here answers the root with a policy
 * that passes everything and an A record, so a query for "." would show in the result.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { systemResolver } from '../../src/dns/system.ts';
import type { Zone } from '../../src/dns/zone.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';
import { domainProblem } from '../../src/spf/domain.ts';
import { evaluateSpf } from '../../src/spf/evaluate.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

/** Names without an IDNA form, as a sender domain's first label. */
const UNSENDABLE: Array<[string, string]> = [
  ['U+202E (right-to-left override)', 'a\u202Eb.example.com'],
  ['a zero-width joiner', 'a\u200Db.example.com'],
  ['a lone surrogate', 'a\uD800b.example.com'],
  ['an invalid A-label', 'xn--zz.example.com'],
  ['an invalid A-label in capitals', 'XN--ZZ.example.com'],
];

function rootZone(): Zone {
  const zone = zoneFromObject({
    'example.com': [{ TXT: 'v=spf1 exists:%{l}.example.com -all' }],
    'inc.example.com': [{ TXT: 'v=spf1 include:%{l}.example.com -all' }],
    'xn--bcher-kva.example.com': [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }],
  });
  // The root: a policy that passes everyone, and an address for exists:.
  zone.set('', [
    { type: 'TXT', value: ['v=spf1 +all'] },
    { type: 'A', value: '192.0.2.1' },
  ]);
  return zone;
}

let dns: DnsServer;
before(async () => {
  dns = await startDnsServer(rootZone());
});
after(() => dns.stop());

const rootQueries = (): string[] => dns.queries.filter((q) => q.name === '' || q.name === '.').map((q) => `${q.type} ${q.name}`);
const resolver = () => systemResolver({ servers: [dns.address], timeout: 1000, tries: 1 });

describe('names that cannot be sent are malformed, never a query for the root (issue 17.5)', () => {
  for (const [what, domain] of UNSENDABLE) {
    it(`a sender domain with ${what} is none (RFC 7208 §4.3), with no DNS query`, async () => {
      dns.queries.length = 0;
      assert.equal(domainProblem(domain), 'bad-idn');
      const check = await evaluateSpf({ ip: '192.0.2.1', sender: `me@${domain}`, helo: 'mail.example.org' }, { resolver: resolver() });
      assert.equal(check.result, 'none');
      assert.deepEqual(check.cause, { code: 'invalid-domain', domain, reason: 'bad-idn' });
      assert.deepEqual(dns.queries, []);
    });
  }

  it('a target made by a macro from such a local part matches nothing (bad-domain-spec), never the root', async () => {
    for (const local of ['\u202E', 'a\u200Db', '\uD800', 'xn--zz']) {
      dns.queries.length = 0;
      const check = await evaluateSpf({ ip: '192.0.2.1', sender: `${local}@example.com`, helo: 'mail.example.org' }, { resolver: resolver() });
      assert.equal(check.result, 'fail', `local part ${JSON.stringify(local)}: ${JSON.stringify(check.cause)}`);
      assert.ok(check.problems.some((p) => p.code === 'bad-domain-spec'), JSON.stringify(check.problems));
      assert.deepEqual(rootQueries(), []);
      assert.deepEqual(dns.queries.map((q) => q.name), ['example.com']);
    }
  });

  it('an include: target made from such a local part is a permerror (RFC 7208 §5.2), never the root', async () => {
    dns.queries.length = 0;
    const check = await evaluateSpf({ ip: '192.0.2.1', sender: '\u202E@inc.example.com', helo: 'mail.example.org' }, { resolver: resolver() });
    assert.equal(check.result, 'permerror');
    assert.equal(check.cause.code, 'include-none');
    assert.deepEqual(rootQueries(), []);
  });

  it('a valid internationalised name is still asked in its A-label form', async () => {
    dns.queries.length = 0;
    assert.equal(domainProblem('bücher.example.com'), undefined);
    const check = await evaluateSpf({ ip: '192.0.2.1', sender: 'me@bücher.example.com', helo: 'mail.example.org' }, { resolver: resolver() });
    assert.equal(check.result, 'pass');
    assert.deepEqual(dns.queries.map((q) => q.name), ['xn--bcher-kva.example.com']);
  });

  describe('through POST /api/check', () => {
    let app: FastifyInstance;
    before(() => {
      app = createServer({ dns: { servers: [dns.address], timeout: 1000, tries: 1 }, logger: false, webRoot: false });
    });
    after(() => app.close());

    for (const [what, domain] of UNSENDABLE) {
      it(`a sender domain with ${what} is none, not the root's pass`, async () => {
        dns.queries.length = 0;
        const res = await app.inject({ method: 'POST', url: '/api/check', payload: { ip: '192.0.2.1', sender: `me@${domain}` } });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { check: { result: string; cause: { code: string; reason?: string } } };
        assert.equal(body.check.result, 'none');
        assert.equal(body.check.cause.code, 'invalid-domain');
        assert.equal(body.check.cause.reason, 'bad-idn');
        assert.deepEqual(rootQueries(), []);
      });
    }
  });
});
