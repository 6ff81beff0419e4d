/**
 * SPF implementation profiles (src/spf/profiles.ts) against a real DNS server on loopback, on
 * records that make the implementations disagree — and each profile held equal to the
 * implementation it names, run on the same server: mailauth 4.x (dev dependency) and pyspf
 * (Debian's python3-spf, installed with policyd-spf by scripts/ensure-apt.mjs).
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promises as nodeDns } from 'node:dns';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { systemResolver } from '../../src/dns/system.ts';
import type { Zone } from '../../src/dns/zone.ts';
import { evaluateProfiles, profilesDiffer } from '../../src/spf/profiles.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';

type MailauthSpf = (opts: { sender: string; ip: string; helo: string; mta: string; resolver: (name: string, type: string) => Promise<unknown> }) => Promise<{ status: { result: string } }>;
const { spf: mailauthSpf } = createRequire(import.meta.url)('mailauth/lib/spf') as { spf: MailauthSpf };

const exchanges = Array.from({ length: 11 }, (_, i) => `mx${i}.many.example`);
const zone: Zone = new Map([
  // Three a: hosts with only AAAA records, for an IPv4 client: three void lookups, in an include.
  ['voids.example', [{ type: 'TXT', value: ['v=spf1 include:chain.voids.example -all'] }]],
  ['chain.voids.example', [{ type: 'TXT', value: ['v=spf1 a:v6a.example a:v6b.example a:v6c.example ip4:192.0.2.1 -all'] }]],
  ['v6a.example', [{ type: 'AAAA', value: '2001:db8::1' }]],
  ['v6b.example', [{ type: 'AAAA', value: '2001:db8::2' }]],
  ['v6c.example', [{ type: 'AAAA', value: '2001:db8::3' }]],
  // An MX with 11 exchanges: over RFC 7208 §4.6.4's 10.
  ['many.example', [{ type: 'TXT', value: ['v=spf1 mx -all'] }, ...exchanges.map((exchange, i) => ({ type: 'MX' as const, value: { preference: i, exchange } }))]],
  ...exchanges.map((name, i): [string, Zone extends Map<string, infer V> ? V : never] => [name, [{ type: 'A', value: `192.0.2.${10 + i}` }]]),
  // Two void exchanges and one void a: host: three voids for the check, two in the mx term.
  ['mxv.example', [{ type: 'TXT', value: ['v=spf1 mx a:v6a.example ip4:192.0.2.50 -all'] }, { type: 'MX', value: { preference: 1, exchange: 'v6b.example' } }, { type: 'MX', value: { preference: 2, exchange: 'v6c.example' } }]],
]);

let dns: DnsServer;
let python: string | undefined;
before(async () => {
  dns = await startDnsServer(zone);
  // pyspf comes with policyd-spf; installed by the project's script when missing (never skipped).
  const tools = spawnSync(process.execPath, [new URL('../../scripts/ensure-apt.mjs', import.meta.url).pathname, 'policyd-spf'], { encoding: 'utf8' });
  assert.equal(tools.status, 0, tools.stderr);
  python = '/usr/bin/python3';
});
after(async () => {
  await dns.stop();
});

const resolver = () => systemResolver({ servers: [dns.address], timeout: 1000, tries: 2 });

async function mailauth(sender: string, ip: string): Promise<string> {
  const r = new nodeDns.Resolver({ timeout: 1000, tries: 2 });
  r.setServers([dns.address]);
  const resolve = (name: string, type: string) => (type === 'MX' ? r.resolveMx(name) : type === 'TXT' ? r.resolveTxt(name) : type === 'A' ? r.resolve4(name) : type === 'AAAA' ? r.resolve6(name) : r.resolve(name, type as 'PTR'));
  return (await mailauthSpf({ sender, ip, helo: 'client.example', mta: 'mx.test', resolver: resolve })).status.result;
}

const PYSPF = `
import sys, DNS, spf
DNS.defaults['server'] = ['127.0.0.1']
DNS.defaults['port'] = int(sys.argv[1])
print(spf.check2(i=sys.argv[2], s=sys.argv[3], h='client.example')[0])
`;
async function pyspf(sender: string, ip: string): Promise<string> {
  const { stdout } = await promisify(execFile)(python as string, ['-c', PYSPF, String(dns.port), ip, sender], { timeout: 60_000 });
  return stdout.trim();
}

const cases = [
  { name: 'three void AAAA-only hosts in an include, IPv4 client', sender: 'a@voids.example', ip: '192.0.2.1', want: { spfkit: 'permerror', pyspf: 'permerror', mailauth: 'permerror', libspf2: 'pass' } },
  { name: 'MX with 11 exchanges, client at the first', sender: 'a@many.example', ip: '192.0.2.10', want: { spfkit: 'permerror', pyspf: 'permerror', mailauth: 'pass', libspf2: 'pass' } },
  { name: 'MX with 11 exchanges, client at the 11th', sender: 'a@many.example', ip: '192.0.2.20', want: { spfkit: 'permerror', pyspf: 'permerror', mailauth: 'permerror', libspf2: 'permerror' } },
  { name: 'two void MX exchanges and a void a: host', sender: 'a@mxv.example', ip: '192.0.2.50', want: { spfkit: 'permerror', pyspf: 'permerror', mailauth: 'pass', libspf2: 'pass' } },
] as const;

describe('SPF implementation profiles (loopback DNS)', () => {
  for (const c of cases) {
    it(`${c.name}: ${Object.entries(c.want).map(([p, r]) => `${p} ${r}`).join(', ')}`, async () => {
      const checks = await evaluateProfiles({ ip: c.ip, sender: c.sender }, { resolver: resolver() });
      assert.deepEqual(Object.fromEntries(checks.map((p) => [p.profile, p.check.result])), c.want);
      assert.equal(profilesDiffer(checks), new Set(Object.values(c.want)).size > 1);
    });
    it(`${c.name}: the mailauth profile is what mailauth 4.x answers`, async () => {
      assert.equal(await mailauth(c.sender, c.ip), c.want.mailauth);
    });
    it(`${c.name}: the pyspf profile is what pyspf answers`, async () => {
      assert.equal(await pyspf(c.sender, c.ip), c.want.pyspf);
    });
  }

  it('the causes say why: void-limit, mx-limit', async () => {
    const [voids] = await evaluateProfiles({ ip: '192.0.2.1', sender: 'a@voids.example' }, { resolver: resolver() });
    assert.equal(voids?.check.cause.code, 'void-limit');
    const [mx] = await evaluateProfiles({ ip: '192.0.2.10', sender: 'a@many.example' }, { resolver: resolver() });
    assert.equal(mx?.check.cause.code, 'mx-limit');
  });
});
