/**
 * Issue 17.4 on the wire path (names c-ares refuses, src/dns/wire.ts): a CNAME loop gave
 * `none` and a 20-CNAME chain `pass` where the zone resolver gives temperror for both. Served
 * here the way an authoritative server answers — every CNAME of the chain in one answer, a
 * loop's CNAMEs once, NOERROR (`cnames: 'authoritative'`), or only the owner's CNAME
 * (`cnames: 'one-step'`) — so the client must follow with a bound and catch the loop itself.
 *
 * The RFC reading: RFC 1034 §3.6.2 says CNAME loops are "signalled as an error", and a
 * recursive server answers SERVFAIL for one; RFC 7208 §4.4 / §5 turn a server failure into
 * temperror (§2.6.6). It is not permerror: that is for errors in the SPF records themselves
 * (§2.6.7), and a CNAME chain is the DNS's, often another party's, and may be repaired.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CNAME_CHAIN } from '../../src/dns/resolver.ts';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject, zoneResolver } from '../../src/dns/zone.ts';
import { evaluateSpf } from '../../src/spf/evaluate.ts';
import { type CnameMode, type DnsServer, startDnsServer } from '../support/dns-server.ts';

/** `odd:` makes every name one c-ares refuses (a ':' in a label), so the wire path asks it. */
const zone: Record<string, unknown[]> = {
  'odd:self.t': [{ CNAME: 'ODD:Self.t.' }],
  'odd:loop-a.t': [{ CNAME: 'odd:loop-b.t' }],
  'odd:loop-b.t': [{ CNAME: 'odd:loop-c.t' }],
  'odd:loop-c.t': [{ CNAME: 'odd:loop-a.t' }],
  'odd:alias.t': [{ CNAME: 'odd:target.t' }],
  'odd:target.t': [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }, { A: '192.0.2.1' }],
  'odd:dangling.t': [{ CNAME: 'odd:missing.t' }],
};
// odd:c0.t → … → odd:c20.t, which holds a record that passes everyone.
for (let i = 0; i < 20; i++) zone[`odd:c${i}.t`] = [{ CNAME: `odd:c${i + 1}.t` }];
zone['odd:c20.t'] = [{ TXT: 'v=spf1 +all' }];
const ZONE = zoneFromObject(zone as never);
/** The name `steps` CNAMEs before the end of the chain. */
const chainOf = (steps: number): string => `odd:c${20 - steps}.t`;

for (const mode of ['authoritative', 'one-step'] as const satisfies readonly CnameMode[]) {
  describe(`CNAMEs over the wire path, server answering ${mode} (issue 17.4)`, () => {
    let dns: DnsServer;
    before(async () => {
      dns = await startDnsServer(ZONE, { cnames: mode });
    });
    after(() => dns.stop());
    const resolver = () => systemResolver({ servers: [dns.address], timeout: 1000, tries: 1 });

    it('follows a CNAME to its target, and a dangling one to nxdomain', async () => {
      assert.deepEqual(await resolver().query('odd:alias.t', 'TXT'), { kind: 'answer', records: [['v=spf1 ip4:192.0.2.1 -all']] });
      assert.deepEqual(await resolver().query('odd:alias.t', 'A'), { kind: 'answer', records: ['192.0.2.1'] });
      assert.deepEqual(await resolver().query('odd:alias.t', 'CNAME'), { kind: 'answer', records: ['odd:target.t'] });
      assert.equal((await resolver().query('odd:dangling.t', 'TXT')).kind, 'nxdomain');
    });

    it(`follows ${MAX_CNAME_CHAIN} CNAMEs; one more is a typed servfail (too-long), the same as the zone resolver`, async () => {
      assert.deepEqual(await resolver().query(chainOf(MAX_CNAME_CHAIN), 'TXT'), { kind: 'answer', records: [['v=spf1 +all']] });
      for (const steps of [MAX_CNAME_CHAIN + 1, 20]) {
        const answer = await resolver().query(chainOf(steps), 'TXT');
        assert.equal(answer.kind, 'servfail', JSON.stringify(answer));
        assert.equal(answer.kind === 'servfail' && answer.cname, 'too-long');
        const local = await zoneResolver(ZONE).query(chainOf(steps), 'TXT');
        assert.deepEqual([local.kind, local.kind === 'servfail' && local.cname], ['servfail', 'too-long']);
      }
    });

    it('reports a loop (to itself, or through three names) as a typed servfail (loop), never nodata, with a bounded number of queries', async () => {
      for (const name of ['odd:self.t', 'odd:loop-a.t']) {
        dns.queries.length = 0;
        const answer = await resolver().query(name, 'TXT');
        assert.equal(answer.kind, 'servfail', JSON.stringify(answer));
        assert.equal(answer.kind === 'servfail' && answer.cname, 'loop');
        assert.match(answer.kind === 'servfail' ? (answer.detail ?? '') : '', /CNAME loop at odd:/);
        assert.ok(dns.queries.length <= MAX_CNAME_CHAIN + 1, `${dns.queries.length} queries`);
        const local = await zoneResolver(ZONE).query(name, 'TXT');
        assert.deepEqual([local.kind, local.kind === 'servfail' && local.cname], ['servfail', 'loop']);
      }
    });

    it('SPF: a sender domain whose TXT loops, or runs through 20 CNAMEs to +all, is temperror — not none, not pass', async () => {
      for (const domain of ['odd:loop-a.t', chainOf(20)]) {
        const check = await evaluateSpf({ ip: '198.51.100.7', sender: `me@${domain}`, helo: 'mail.example.org' }, { resolver: resolver() });
        assert.equal(check.result, 'temperror', `${domain}: ${check.result} ${JSON.stringify(check.cause)}`);
        assert.equal(check.cause.code, 'dns-error');
        assert.match(check.cause.code === 'dns-error' ? (check.cause.detail ?? '') : '', /CNAME (loop|chain longer than 8)/);
      }
      const local = await evaluateSpf({ ip: '198.51.100.7', sender: `me@${chainOf(20)}`, helo: 'mail.example.org' }, { resolver: zoneResolver(ZONE) });
      assert.equal(local.result, 'temperror');
    });
  });
}

/**
 * The same on the c-ares path (names c-ares sends itself). c-ares hands over only the records
 * of the type, so a loop's CNAMEs, or an alias answered alone, read as NODATA; the system
 * resolver checks a NODATA answer for a CNAME and follows with the same bound and loop rule.
 * A chain a server answers in full in one response (CNAMEs and records together) reaches
 * spfkit as the records: that bound is the server's (a recursive server has its own limit,
 * see the `recursive` case: SERVFAIL), documented in docs/zone-format.md.
 */
const PLAIN: Record<string, unknown[]> = {
  'self.t': [{ CNAME: 'Self.t.' }],
  'loop-a.t': [{ CNAME: 'loop-b.t' }],
  'loop-b.t': [{ CNAME: 'loop-c.t' }],
  'loop-c.t': [{ CNAME: 'loop-a.t' }],
  'alias.t': [{ CNAME: 'target.t' }],
  'target.t': [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }, { A: '192.0.2.1' }],
};
for (let i = 0; i < 20; i++) PLAIN[`c${i}.t`] = [{ CNAME: `c${i + 1}.t` }];
PLAIN['c20.t'] = [{ TXT: 'v=spf1 +all' }];
const PLAIN_ZONE = zoneFromObject(PLAIN as never);

for (const mode of ['authoritative', 'one-step', 'recursive'] as const satisfies readonly CnameMode[]) {
  describe(`CNAMEs over the c-ares path, server answering ${mode} (issue 17.4)`, () => {
    let dns: DnsServer;
    before(async () => {
      dns = await startDnsServer(PLAIN_ZONE, { cnames: mode });
    });
    after(() => dns.stop());
    const resolver = () => systemResolver({ servers: [dns.address], timeout: 1000, tries: 1 });

    it('follows an alias to its target', async () => {
      assert.deepEqual(await resolver().query('alias.t', 'TXT'), { kind: 'answer', records: [['v=spf1 ip4:192.0.2.1 -all']] });
      assert.deepEqual((await resolver().query('alias.t', 'A')).kind, 'answer');
    });

    it('a loop is servfail, never nodata; SPF: temperror, never none', async () => {
      for (const name of ['self.t', 'loop-a.t']) {
        dns.queries.length = 0;
        const answer = await resolver().query(name, 'TXT');
        assert.equal(answer.kind, 'servfail', `${name}: ${JSON.stringify(answer)}`);
        if (mode !== 'recursive') assert.equal(answer.kind === 'servfail' && answer.cname, 'loop');
        assert.ok(dns.queries.length <= 2 * (MAX_CNAME_CHAIN + 1), `${dns.queries.length} queries`);
        const check = await evaluateSpf({ ip: '198.51.100.7', sender: `me@${name}`, helo: 'mail.example.org' }, { resolver: resolver() });
        assert.equal(check.result, 'temperror', `${name}: ${check.result}`);
      }
    });

    it(mode === 'authoritative' ? 'a chain answered in full is taken as the server gives it' : 'a chain longer than the bound is servfail; SPF temperror, not pass', async () => {
      const check = await evaluateSpf({ ip: '198.51.100.7', sender: 'me@c0.t', helo: 'mail.example.org' }, { resolver: resolver() });
      assert.equal(check.result, mode === 'authoritative' ? 'pass' : 'temperror', JSON.stringify(check.cause));
      const within = await resolver().query(`c${20 - MAX_CNAME_CHAIN}.t`, 'TXT');
      assert.deepEqual(within, { kind: 'answer', records: [['v=spf1 +all']] });
    });
  });
}
