/**
 * Issue 16.2 through the command line: when spfkit's OWN resolver cannot be reached (a real
 * closed loopback port), `check` and `audit` say so once — which server, which error — and do
 * not blame the checked domain's DNS; when the resolver answers but the domain's name server
 * does not (a real DNS server on loopback that drops the domain's queries), the domain is
 * still the one named.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditResult } from '../../src/audit/types.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { spfkit } from '../support/cli.ts';
import { closedPort } from '../support/services.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

describe("spfkit with its own resolver down (a closed port)", () => {
  let closed = '';
  before(async () => {
    closed = await closedPort();
  });

  it('check: says once that spfkit\'s resolver refused the connection, naming it; not "check the DNS servers of the domain"', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@mydomain.nl', '--dns', closed);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Result: +temperror$/m);
    assert.match(r.stdout, /^The SPF policy of mydomain\.nl could not be checked: spfkit's own DNS resolver could not be reached \(temperror\)\.$/m);
    const reason = r.stdout.split('\n').find((line) => line.startsWith('Reason: ')) ?? '';
    assert.equal(reason, `Reason: The DNS resolver spfkit uses, ${closed}, refused the connection (ECONNREFUSED ${closed}): nothing answers DNS there, so no lookup could be made at all. This says nothing about the DNS of mydomain.nl.`);
    assert.doesNotMatch(r.stdout, /DNS servers that answer for|no answer in time|timeout:/);
    assert.match(r.stdout, /^Advice: Nothing needs to change at the domain/m);
  });

  it('check --json: the resolver state as data', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@mydomain.nl', '--dns', closed, '--json');
    const out = JSON.parse(r.stdout) as { result: string; resolver: unknown; cause: { code: string; refused?: boolean } };
    assert.equal(out.result, 'temperror');
    assert.deepEqual(out.resolver, { state: 'unreachable', servers: [closed], error: 'refused', detail: `ECONNREFUSED ${closed}` });
    assert.equal(out.cause.code, 'dns-error');
    assert.equal(out.cause.refused, true);
  });

  it('check --lang nl: in Dutch', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@mydomain.nl', '--dns', closed, '--lang', 'nl');
    assert.match(r.stdout, /^Het SPF-beleid van mydomain\.nl kon niet worden gecontroleerd: de eigen DNS-resolver van spfkit was niet bereikbaar \(temperror\)\.$/m);
    assert.match(r.stdout, new RegExp(`^Reden: De DNS-resolver die spfkit gebruikt, ${closed.replace(/\./g, '\\.')}, weigerde de verbinding`, 'm'));
  });

  it('audit: no grade, one "could not check" per area, no dns-unavailable findings', async () => {
    const r = await spfkit('audit', 'byteklant.nl', '--dns', closed);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], "Audit of byteklant.nl: no grade — spfkit's own DNS resolver could not be reached");
    assert.equal(lines.filter((line) => line.startsWith('  ! dns-resolver-unreachable  Could not check: the DNS resolver spfkit uses, ')).length, 4);
    assert.doesNotMatch(r.stdout, /dns-unavailable|DNS host of the domain|grade [A-F]/);
    for (const area of ['SPF', 'DKIM', 'DMARC', 'MX']) assert.match(r.stdout, new RegExp(`^${area} +could not check  not checked: spfkit's own DNS resolver could not be reached$`, 'm'));

    const json = JSON.parse((await spfkit('audit', 'byteklant.nl', '--dns', closed, '--json')).stdout) as AuditResult;
    assert.equal(json.grade, null);
    assert.equal(json.resolver?.error, 'refused');
    assert.equal(json.findings.length, 4);

    const nl = await spfkit('audit', 'byteklant.nl', '--dns', closed, '--lang', 'nl');
    assert.equal(nl.stdout.split('\n')[0], 'Controle van byteklant.nl: geen cijfer — de eigen DNS-resolver van spfkit was niet bereikbaar');
  });
});

describe("spfkit with a working resolver and the domain's DNS down", () => {
  let server: DnsServer;
  before(async () => {
    server = await startDnsServer(zoneFromObject({ 'mydomain.nl': ['TIMEOUT'] }));
  });
  after(() => server.stop());

  it('check: still points at the DNS servers that answer for the domain', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@mydomain.nl', '--dns', server.address, '--timeout', '250');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^The SPF policy of mydomain\.nl could not be checked because a DNS lookup failed \(temperror\)\.$/m);
    assert.match(r.stdout, /check the DNS servers that answer for mydomain\.nl/);
    assert.doesNotMatch(r.stdout, /spfkit's own/);
  });
});
