/**
 * The monitor's HTTP routes on a real listening server: the store a SQLite file in a
 * temporary folder, DNS from a loopback DNS server. A missing, bad or revoked token gets 401
 * (the public checker stays open); a CSV with garbage rows gets per-row errors and the rest
 * imported; paging, filter and search; check now raises events when the zone changes; each
 * response matches /openapi.json.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import { createToken } from '../../src/monitor/tokens.ts';
import { createServer } from '../../src/server/server.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { type ResponseValidator, responseValidator } from './support.ts';

type ZoneData = Record<string, unknown[]>;

function zone(): ZoneData {
  return {
    // Edited between checks: "check now" must see it, whatever the public checker's cache holds.
    'klant.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
    'bakker.nl': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }],
    'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }],
    'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }],
    'smtp1.blueinkt.com': [{ A: '5.255.64.53' }],
  };
}

describe('/api/monitor on a listening server (SQLite file, loopback DNS)', () => {
  let dns: DnsServer;
  let dir = '';
  let app: FastifyInstance;
  let base = '';
  let token = '';
  let revoked = '';
  let validator: ResponseValidator;

  before(async () => {
    dns = await startDnsServer(zoneFromObject(zone()));
    dir = await mkdtemp(join(tmpdir(), 'spfkit-monitor-api-'));
    const file = join(dir, 'data', 'monitor.sqlite');
    // Tokens made on the same file, as `spfkit monitor token create` does.
    const admin = await openSqliteStore({ file });
    token = (await createToken(admin, { label: 'test', now: () => new Date() })).token;
    const old = await createToken(admin, { now: () => new Date() });
    revoked = old.token;
    await admin.removeToken(old.stored.id);
    await admin.close();
    app = createServer({ dns: { servers: [dns.address], timeout: 500, tries: 1 }, logger: false, webRoot: false, monitor: { open: () => openSqliteStore({ file }) } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    validator = responseValidator(await (await fetch(`${base}/openapi.json`)).json());
  });
  after(async () => {
    await app.close();
    await dns.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, options: { body?: unknown; csv?: string; auth?: string | null } = {}): Promise<{ status: number; body: unknown; text: string; headers: Headers }> {
    const headers: Record<string, string> = {};
    const auth = options.auth === undefined ? `Bearer ${token}` : options.auth;
    if (auth !== null) headers.authorization = auth;
    let body: string | undefined;
    if (options.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = options.csv;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').startsWith('application/json') ? (JSON.parse(text) as unknown) : undefined;
    if (json !== undefined) validator.assert(method, path.split('?')[0]?.replace(/\/domains\/[^/]+/, '/domains/{domain}') ?? path, res.status, json);
    return { status: res.status, body: json, text, headers: res.headers };
  }

  it('answers 401 with a clear JSON error for a missing, malformed, unknown or revoked token; the checker stays open', async () => {
    const cases: Array<[string | null, RegExp]> = [
      [null, /needs an API token: send "Authorization: Bearer <token>"/],
      ['Basic dXNlcjpwYXNz', /needs an API token/],
      ['Bearer nonsense', /not valid/],
      [`Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, /not valid/],
      [`Bearer spfkit_999_${token.slice(-43)}`, /not valid/],
      [`Bearer ${revoked}`, /not valid/],
    ];
    for (const [auth, message] of cases) {
      const r = await call('GET', '/api/monitor/domains', { auth });
      assert.equal(r.status, 401, String(auth));
      const body = r.body as { error: string; message: string; requestId: string };
      assert.equal(body.error, 'unauthorized');
      assert.match(body.message, message);
      assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer /);
    }
    // Before the body is looked at: a bad token with a bad body is still a 401.
    assert.equal((await call('POST', '/api/monitor/domains', { auth: 'Bearer nonsense', body: { nope: 1 } })).status, 401);
    const nl = await fetch(`${base}/api/monitor/domains?lang=nl`);
    assert.match(((await nl.json()) as { message: string }).message, /Voor deze route is een API-token nodig/);

    const open = await fetch(`${base}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ip: '212.83.209.204', sender: 'info@klant.nl' }) });
    assert.equal(open.status, 200);
  });

  it('imports a CSV with garbage rows: per-row errors with line and reason, the rest imported', async () => {
    const csv = ['domain,services,customer_id,label', 'klant.nl,coachview,K-1,Bakkerij Jansen', 'bakker.nl,coachview,K-2,', 'niet een domein,coachview,,', '"open,coachview', 'x.nl,,K-9,', 'blue.nl,a:smtp1.blueinkt.com,K-3,Blauw', 'klant.nl,byte,,'].join('\n');
    const r = await call('POST', '/api/monitor/import', { csv });
    assert.equal(r.status, 200, r.text);
    const body = r.body as { added: number; updated: number; errors: Array<{ line: number; issues: Array<{ code: string; message: string }> }> };
    assert.equal(body.added, 3);
    assert.deepEqual(body.errors.map((e) => [e.line, e.issues.map((i) => i.code)]), [
      [4, ['bad-domain']],
      [5, ['unclosed-quote']],
      [6, ['no-service']],
      [8, ['duplicate-domain']],
    ]);
    assert.match(body.errors[0]?.issues[0]?.message ?? '', /"niet een domein" is not a usable domain name/);

    const noHeader = await call('POST', '/api/monitor/import', { csv: 'email\ninfo@klant.nl\n' });
    assert.equal(noHeader.status, 400);
    assert.match((noHeader.body as { message: string }).message, /one of them "domain"/);
    const json = await call('POST', '/api/monitor/import', { body: { domain: 'klant.nl' } });
    assert.equal(json.status, 400);
  });

  it('adds and removes a domain; refuses a bad one with issues by field', async () => {
    const added = await call('POST', '/api/monitor/domains', { body: { domain: 'Extra.NL', services: [{ provider: 'byte' }], label: 'Extra' } });
    assert.equal(added.status, 201);
    assert.equal((added.body as { domain: { domain: string } }).domain.domain, 'extra.nl');
    assert.equal((await call('POST', '/api/monitor/domains', { body: { domain: 'extra.nl', services: [{ provider: 'byte' }] } })).status, 200);
    const bad = await call('POST', '/api/monitor/domains', { body: { domain: 'extra', services: [{ provider: 'bite' }, { mechanism: 'ip4:1.2.3.4', testIps: ['1.2.3'] }], lang: 'nl' } });
    assert.equal(bad.status, 400);
    assert.deepEqual((bad.body as { issues: Array<{ field: string; code: string }> }).issues.map((i) => [i.field, i.code]), [
      ['domain', 'bad-domain'],
      ['services', 'unknown-provider'],
      ['testIps', 'bad-test-ip'],
    ]);
    assert.match((bad.body as { message: string }).message, /"bite" is geen bekende dienst/);
    assert.equal((await call('DELETE', '/api/monitor/domains/extra.nl')).status, 200);
    assert.equal((await call('DELETE', '/api/monitor/domains/extra.nl')).status, 404);
  });

  it('checks now, pages and filters the list, shows a domain with its history, events and export', async () => {
    const all = await call('POST', '/api/monitor/check', { body: {} });
    assert.equal(all.status, 200, all.text);
    const checked = all.body as { checked: number; situations: Record<string, number> };
    assert.equal(checked.checked, 3);
    // blue.nl publishes nothing (NXDOMAIN): none.
    assert.deepEqual([checked.situations.authorised, checked.situations['not-authorised'], checked.situations.none], [1, 1, 1]);

    const page = await call('GET', '/api/monitor/domains?limit=2&offset=1');
    assert.deepEqual(page.body && { ...(page.body as object), domains: (page.body as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain) }, { total: 3, offset: 1, limit: 2, domains: ['blue.nl', 'klant.nl'] });
    const open = await call('GET', '/api/monitor/domains?situation=not-authorised');
    assert.deepEqual((open.body as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain), ['bakker.nl']);
    const found = await call('GET', '/api/monitor/domains?search=jansen');
    assert.deepEqual((found.body as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain), ['klant.nl']);
    assert.equal((await call('GET', '/api/monitor/domains?limit=5000')).status, 400);
    assert.equal((await call('GET', '/api/monitor/domains?situation=kapot')).status, 400);

    const edited = zone();
    edited['klant.nl'] = [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }];
    dns.setZone(zoneFromObject(edited));
    const now = await call('POST', '/api/monitor/domains/klant.nl/check');
    dns.setZone(zoneFromObject(zone()));
    assert.equal(now.status, 200, now.text);
    const outcome = now.body as { check: { situation: string; recordToPublish?: string }; events: Array<{ kind: string; alarm?: string }> };
    assert.equal(outcome.check.situation, 'not-authorised');
    assert.deepEqual(outcome.events.map((e) => e.kind).sort(), ['record-changed', 'situation-changed']);
    assert.equal((await call('POST', '/api/monitor/domains/elders.nl/check')).status, 404);

    const detail = await call('GET', '/api/monitor/domains/klant.nl');
    const history = detail.body as { domain: { label: string }; checks: Array<{ situation: string }>; events: unknown[] };
    assert.equal(history.domain.label, 'Bakkerij Jansen');
    assert.deepEqual(history.checks.map((c) => c.situation), ['not-authorised', 'authorised']);
    assert.equal(history.events.length, 2);
    assert.equal((await call('GET', '/api/monitor/domains/elders.nl')).status, 404);
    // The ready customer message about the latest check, in both languages, with the record to publish.
    const messages = (detail.body as { messages?: Record<'en' | 'nl', { subject: string; text: string }> }).messages;
    assert.match(messages?.en.text ?? '', /does not authorise coachview[\s\S]*v=spf1 include:spf\.protection\.outlook\.com include:spf\.coachview\.net -all/);
    assert.match(messages?.nl.subject ?? '', /klant\.nl/);
    assert.notEqual(messages?.nl.text, messages?.en.text);
    const blue = (await call('GET', '/api/monitor/domains/blue.nl')).body as { messages?: Record<'en' | 'nl', { text: string }> };
    assert.match(blue.messages?.en.text ?? '', /blue\.nl publishes no SPF record/);

    // Sorted server-side: worst situation first (ties by domain), the latest check first, reversed.
    const sorted = async (query: string) => ((await call('GET', `/api/monitor/domains?${query}`)).body as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain);
    assert.deepEqual(await sorted('sort=situation'), ['bakker.nl', 'klant.nl', 'blue.nl']);
    assert.deepEqual(await sorted('sort=situation&order=desc'), ['blue.nl', 'klant.nl', 'bakker.nl']);
    assert.deepEqual((await sorted('sort=checked&order=desc&limit=1')), ['klant.nl']);
    assert.deepEqual(await sorted('sort=situation&situation=not-authorised&offset=1'), ['klant.nl']);
    const badSort = await call('GET', '/api/monitor/domains?sort=colour');
    assert.equal(badSort.status, 400);

    const events = await call('GET', '/api/monitor/events?kind=situation-changed');
    const listed = (events.body as { events: Array<{ domain: string; alarm?: string; id: number }> }).events;
    assert.deepEqual(listed.map((e) => [e.domain, e.alarm]), [['klant.nl', 'open']]);
    const after = await call('GET', `/api/monitor/events?after=${listed[0]?.id ?? 0}`);
    assert.deepEqual((after.body as { events: unknown[] }).events, []);

    const csv = await call('GET', '/api/monitor/export?format=csv&situation=not-authorised');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[2] ?? '', /^klant\.nl,K-1,Bakkerij Jansen,coachview,not-authorised,.*v=spf1 include:spf\.protection\.outlook\.com include:spf\.coachview\.net -all/);
    const jsonl = await call('GET', '/api/monitor/export?format=jsonl');
    assert.deepEqual(jsonl.text.trimEnd().split('\n').map((l) => (JSON.parse(l) as { domain: string }).domain), ['bakker.nl', 'blue.nl', 'klant.nl']);
  });

  it('what-if: a provider\'s candidate record lists the customers it would affect, worded in the request\'s language; bad input is 400 by field', async () => {
    const r = await call('POST', '/api/monitor/what-if', { body: { provider: 'coachview', policy: 'v=spf1 ip4:198.51.100.0/24 -all', lang: 'nl' } });
    assert.equal(r.status, 200, r.text);
    const report = r.body as { checked: number; candidate: { target: string; lookups: number }; affected: Array<{ domain: string; reasons: string[]; messages: string[] }>; summary: string };
    assert.equal(report.candidate.target, 'spf.coachview.net');
    assert.deepEqual(report.affected.map((c) => [c.domain, c.reasons]), [['klant.nl', ['stops-authorising']]]);
    assert.deepEqual(report.affected[0]?.messages, ['212.83.209.204 zou niet meer slagen (pass)']);
    assert.match(report.summary, /van coachview gecontroleerd; 1 zouden geraakt worden/);

    const unknown = await call('POST', '/api/monitor/what-if', { body: { provider: 'nobody', policy: 'v=spf1 -all' } });
    assert.equal(unknown.status, 400);
    assert.deepEqual((unknown.body as { issues: Array<{ field: string; code: string }> }).issues.map((i) => [i.field, i.code]), [['provider', 'unknown-provider']]);
    const bad = await call('POST', '/api/monitor/what-if', { body: { provider: 'coachview', policy: 'v=spf1 ip4:300.0.0.1 -all' } });
    assert.equal(bad.status, 400);
    assert.deepEqual((bad.body as { issues: Array<{ field: string; code: string }> }).issues.map((i) => [i.field, i.code]), [['policy', 'bad-policy']]);
    assert.equal((await call('POST', '/api/monitor/what-if', { body: { provider: 'coachview', policy: 'v=spf1 -all' }, auth: null })).status, 401);
  });

  it('lists every monitor route in /openapi.json, with the token scheme', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>>; components: { securitySchemes?: Record<string, { scheme: string }> } };
    const monitorPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/monitor/')).sort();
    assert.deepEqual(monitorPaths, ['/api/monitor/check', '/api/monitor/domains', '/api/monitor/domains/{domain}', '/api/monitor/domains/{domain}/check', '/api/monitor/events', '/api/monitor/export', '/api/monitor/import', '/api/monitor/what-if']);
    assert.equal(doc.components.securitySchemes?.apiToken?.scheme, 'bearer');
    assert.deepEqual(doc.paths['/api/monitor/domains']?.get?.security, [{ apiToken: [] }]);
    assert.equal(doc.paths['/api/check']?.post?.security, undefined);
  });
});
