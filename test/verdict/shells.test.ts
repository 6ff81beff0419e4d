/**
 * `spfkit verdict` and `POST /api/verdict` on a real DNS server on loopback: the same use case
 * (src/app/verdict.ts) behind both, the words in en and nl, input errors naming the field,
 * the route listed in /openapi.json, and the server serving on after bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/server.ts';
import { spfkit } from '../support/cli.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';
import { COACHVIEW_IP, PREZENT_IP, seedZone } from './seed-zone.ts';

let dns: DnsServer;
let app: FastifyInstance;
let base: string;

before(async () => {
  dns = await startDnsServer(seedZone());
  app = createServer({ dns: { servers: [dns.address], timeout: 400, tries: 1 }, logger: false, webRoot: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app.close();
  await dns.stop();
});

const dnsArgs = () => ['--dns', dns.address, '--timeout', '400'];

/** The parts of a response the tests read (VerdictReport, or the Error schema's issues). */
interface Answer {
  lang: string;
  prediction: { dmarc: { result: string }; fixes: Array<{ code: string }> };
  words: { headline: string };
  issues: Array<{ field: string }>;
}

async function post(body: unknown): Promise<{ status: number; json: Answer }> {
  const res = await fetch(`${base}/api/verdict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Answer };
}

describe('spfkit verdict', () => {
  it('Coachview with its own bounce domain: fails, exit 1, the fixes in Dutch', async () => {
    const r = await spfkit('verdict', '--ip', COACHVIEW_IP, '--helo', 'mail.coachview.net', '--mail-from', 'b@bounce.coachview.net', '--from', 'klant.nl', '--lang', 'nl', ...dnsArgs());
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /zakt voor DMARC/);
    assert.match(r.stdout, /Wat te veranderen/);
    assert.match(r.stdout, /bounce\.klant\.nl\. TXT "v=spf1 ip4:212\.83\.209\.204 -all"/);
  });

  it('Prezent with --provider dmrmail and the CNAMEs: passes, exit 0; --json carries the prediction', async () => {
    const r = await spfkit('verdict', '--ip', PREZENT_IP, '--helo', 'out.dmrmail.nl', '--mail-from', 'info@prezentklant.nl', '--from', 'prezentklant.nl', '--provider', 'dmrmail', '--json', ...dnsArgs());
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.prediction.dmarc.result, 'pass');
    assert.deepEqual(report.prediction.dkim.map((d: { cname: string }) => d.cname), ['_dkim-a.prezent.nl', '_dkim-b.prezent.nl']);
    assert.match(report.words.headline, /passes DMARC/);
  });

  it('--dkim d=,s= and a timeout: temperror, exit 1', async () => {
    const r = await spfkit('verdict', '--ip', COACHVIEW_IP, '--mail-from', 'b@bounce.coachview.net', '--from', 'traag.nl', '--dkim', 'd=traag.nl,s=x', '--json', ...dnsArgs());
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).prediction.dmarc.result, 'temperror');
  });

  it('bad input: exit 2, one line naming each option', async () => {
    const r = await spfkit('verdict', '--ip', '1.2.3', '--helo', 'x.nl', '--from', 'a..nl', '--dkim', 'klant.nl', ...dnsArgs());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--dkim: `?klant\.nl`? is not `?d=<domain>,s=<selector>/);
    const bad = await spfkit('verdict', '--ip', '1.2.3', '--helo', 'x.nl', '--from', 'a..nl', ...dnsArgs());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--ip: .*1\.2\.3.* is not an IPv4 or IPv6 address\. .*--from: .*a\.\.nl.* is not a usable domain name/);
  });
});

describe('POST /api/verdict', () => {
  it('the customer’s domain as MAIL FROM: pass, in the language asked for', async () => {
    const { status, json } = await post({ ip: COACHVIEW_IP, helo: 'mail.coachview.net', mailFrom: 'info@klant.nl', fromDomain: 'klant.nl', lang: 'nl' });
    assert.equal(status, 200);
    assert.equal(json.prediction.dmarc.result, 'pass');
    assert.equal(json.lang, 'nl');
    assert.match(json.words.headline, /slaagt voor DMARC/);
  });

  it('bad IP and bad domain: 400 with the fields, and the server keeps serving', async () => {
    const { status, json } = await post({ ip: 'not-an-ip', fromDomain: 'klant..nl', dkim: [{ domain: 'klant.nl', selector: 'a b' }] });
    assert.equal(status, 400);
    assert.deepEqual(json.issues.map((i) => i.field), ['ip', 'helo', 'fromDomain', 'dkim[0]']);
    const schema = await post({ ip: '1.2.3.4' });
    assert.equal(schema.status, 400);
    const again = await post({ ip: COACHVIEW_IP, helo: 'h.nl', mailFrom: 'info@zonder.nl', fromDomain: 'zonder.nl', provider: 'coachview' });
    assert.equal(again.status, 200);
    assert.equal(again.json.prediction.fixes[0]?.code, 'spf-authorise');
  });

  it('is listed in /openapi.json', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, { post?: unknown }>; components: { schemas: Record<string, unknown> } };
    assert.ok(doc.paths['/api/verdict']?.post);
    assert.ok(doc.components.schemas.VerdictReport);
  });
});
