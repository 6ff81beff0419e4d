/**
 * The receivers' requirements checklist (src/verdict/requirements.ts over data/receivers.json)
 * on `predictDelivery`'s output against a real DNS server on loopback: every rule of the data
 * file in setups that meet it and that do not, PTR / forward-confirmed reverse DNS asked of
 * DNS (confirmed, not confirmed, timed out), the message-only rules "not checkable here", the
 * data file held to its JSON Schema by Ajv, and docs/receivers.md naming each rule's source.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { t } from '../../src/i18n/index.ts';
import { predictDelivery } from '../../src/verdict/predict.ts';
import { checkRequirements, parseReceiverRules, REQUIREMENT_CHECKS, type ReceiverRules, type RequirementCheck, type RequirementStatus } from '../../src/verdict/requirements.ts';
import type { VerdictInput } from '../../src/verdict/types.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';
import { COACHVIEW_IP, seedZone } from './seed-zone.ts';

const read = async (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

let dns: DnsServer;
let rules: ReceiverRules;
before(async () => {
  const zone = seedZone();
  const extra = zoneFromObject({
    // Coachview's IP: PTR mail.coachview.net, whose A record is that IP (forward-confirmed).
    '204.209.83.212.in-addr.arpa': [{ PTR: 'mail.coachview.net' }],
    'mail.coachview.net': [{ A: COACHVIEW_IP }],
    // 212.83.209.205: a PTR name that resolves elsewhere (not confirmed).
    '205.209.83.212.in-addr.arpa': [{ PTR: 'elders.coachview.net' }],
    'elders.coachview.net': [{ A: '198.51.100.1' }],
    // 212.83.209.206: the reverse zone times out.
    '206.209.83.212.in-addr.arpa': [{ TIMEOUT: true }],
  });
  for (const [name, items] of extra) zone.set(name, items);
  dns = await startDnsServer(zone);
  const parsed = parseReceiverRules(JSON.parse(await read('data/receivers.json')));
  assert.ok(parsed.ok);
  rules = parsed.rules;
});
after(async () => {
  await dns.stop();
});

async function checklist(input: VerdictInput) {
  const resolver = systemResolver({ servers: [dns.address], timeout: 400, tries: 1 });
  const outcome = await predictDelivery(input, { resolver });
  return checkRequirements(outcome, { resolver, rules });
}

function byCheck(list: Awaited<ReturnType<typeof checklist>>): Map<RequirementCheck, Set<RequirementStatus>> {
  const out = new Map<RequirementCheck, Set<RequirementStatus>>();
  for (const r of list) out.set(r.check, (out.get(r.check) ?? new Set()).add(r.status));
  return out;
}

const MESSAGE_ONLY = ['tls', 'rfc5322-format', 'spam-rate', 'one-click-unsubscribe'] as const;

describe('receivers’ requirements checklist (loopback DNS)', () => {
  it('Coachview for klant.nl with its aligned DKIM key and forward-confirmed PTR: every DNS rule met', async () => {
    const list = await checklist({ ip: COACHVIEW_IP, helo: 'mail.coachview.net', mailFrom: 'info@klant.nl', fromDomain: 'klant.nl', dkim: [{ domain: 'klant.nl', selector: 'cv1' }] });
    assert.equal(list.length, rules.rules.length);
    const seen = byCheck(list);
    for (const check of ['spf-or-dkim-pass', 'spf-pass', 'dkim-pass', 'spf-and-dkim-pass', 'dmarc-record', 'dmarc-aligned', 'ptr-fcrdns'] as const) {
      if (seen.has(check)) assert.deepEqual([...(seen.get(check) ?? [])], ['met'], check);
    }
    for (const check of MESSAGE_ONLY) if (seen.has(check)) assert.deepEqual([...(seen.get(check) ?? [])], ['not-checkable'], check);
    assert.deepEqual([...(seen.get('spf-fail-treated-as-softfail') ?? [])], ['not-applicable']);
    const ptr = list.find((r) => r.check === 'ptr-fcrdns');
    assert.deepEqual(ptr?.ptr, { names: ['mail.coachview.net'], confirmed: ['mail.coachview.net'] });
  });

  it('zonder.nl (SPF fails, no DKIM) from an IP whose PTR points elsewhere: bulk rules not met, M365 softfail applies', async () => {
    const list = await checklist({ ip: '212.83.209.205', helo: 'mail.coachview.net', mailFrom: 'info@zonder.nl', fromDomain: 'zonder.nl' });
    const seen = byCheck(list);
    for (const check of ['spf-or-dkim-pass', 'spf-pass', 'dkim-pass', 'spf-and-dkim-pass', 'dmarc-aligned', 'ptr-fcrdns'] as const) {
      assert.deepEqual([...(seen.get(check) ?? [])], ['not-met'], check);
    }
    // zonder.nl publishes p=quarantine: the record rule is met even though DMARC fails.
    assert.deepEqual([...(seen.get('dmarc-record') ?? [])], ['met']);
    assert.deepEqual([...(seen.get('spf-fail-treated-as-softfail') ?? [])], ['applies']);
    assert.deepEqual(list.find((r) => r.check === 'ptr-fcrdns')?.ptr, { names: ['elders.coachview.net'], confirmed: [] });
  });

  it('SPF passes by a bounce domain, no DMARC record: SPF-or-DKIM met, the DMARC record and alignment not', async () => {
    const list = await checklist({ ip: COACHVIEW_IP, helo: 'mail.coachview.net', mailFrom: 'b@bounce.coachview.net', fromDomain: 'geendmarc.nl' });
    const seen = byCheck(list);
    assert.deepEqual([...(seen.get('spf-or-dkim-pass') ?? [])], ['met']);
    assert.deepEqual([...(seen.get('spf-and-dkim-pass') ?? [])], ['not-met']);
    assert.deepEqual([...(seen.get('dmarc-record') ?? [])], ['not-met']);
    assert.deepEqual([...(seen.get('dmarc-aligned') ?? [])], ['not-met']);
  });

  it('a reverse zone that times out: PTR is unknown, never "not met"', async () => {
    const list = await checklist({ ip: '212.83.209.206', helo: 'mail.coachview.net', mailFrom: 'info@klant.nl', fromDomain: 'klant.nl' });
    assert.deepEqual([...(byCheck(list).get('ptr-fcrdns') ?? [])], ['unknown']);
  });

  it('an SPF record that times out: the SPF rules are unknown', async () => {
    const list = await checklist({ ip: COACHVIEW_IP, helo: 'mail.coachview.net', mailFrom: 'info@spftraag.nl', fromDomain: 'spftraag.nl' });
    const seen = byCheck(list);
    assert.deepEqual([...(seen.get('spf-pass') ?? [])], ['unknown']);
    assert.deepEqual([...(seen.get('spf-fail-treated-as-softfail') ?? [])], ['not-applicable']);
  });
});

describe('data/receivers.json', () => {
  it('is valid against data/receivers.schema.json (Ajv), ids unique, check kinds the code knows', async () => {
    const schema = JSON.parse(await read('data/receivers.schema.json'));
    const data = JSON.parse(await read('data/receivers.json')) as { rules: Array<{ id: string; check: string }> };
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const valid: boolean = validate(structuredClone(data));
    assert.ok(valid, JSON.stringify(validate.errors));
    assert.deepEqual(schema.$defs.rule.properties.check.enum, [...REQUIREMENT_CHECKS]);
    const ids = data.rules.map((r: { id: string }) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    // The closed set is guarded at runtime too.
    assert.deepEqual(parseReceiverRules({ rules: [...data.rules, { ...data.rules[0], check: 'dnssec' }] }), { ok: false, index: data.rules.length });
  });

  it('covers Gmail, Yahoo and Outlook.com for all/bulk senders and the M365 behaviour of seed 003', () => {
    const has = (receiver: string, audience: string, check: string) => rules.rules.some((r) => r.receiver === receiver && r.audience === audience && r.check === check);
    assert.ok(has('gmail', 'all', 'spf-or-dkim-pass') && has('gmail', 'all', 'ptr-fcrdns') && has('gmail', 'all', 'tls'));
    assert.ok(has('gmail', 'bulk', 'spf-pass') && has('gmail', 'bulk', 'dkim-pass') && has('gmail', 'bulk', 'dmarc-record') && has('gmail', 'bulk', 'dmarc-aligned') && has('gmail', 'bulk', 'one-click-unsubscribe'));
    assert.ok(has('yahoo', 'bulk', 'spf-and-dkim-pass') && has('yahoo', 'bulk', 'dmarc-record'));
    assert.ok(has('outlook-com', 'bulk', 'spf-pass') && has('outlook-com', 'bulk', 'dkim-pass') && has('outlook-com', 'bulk', 'dmarc-aligned'));
    assert.ok(has('microsoft-365', 'all', 'spf-fail-treated-as-softfail'));
  });

  it('docs/receivers.md lists every rule with its source', async () => {
    const doc = await read('docs/receivers.md');
    for (const r of rules.rules) {
      const line = doc.split('\n').find((l) => l.includes(`\`${r.id}\``));
      assert.ok(line, `${r.id} missing from docs/receivers.md`);
      assert.ok(line.includes(r.source.url), `${r.id}: source ${r.source.url} not on its line`);
    }
  });

  it('every check kind and status has words in en and nl', () => {
    for (const lang of ['en', 'nl'] as const) {
      for (const check of REQUIREMENT_CHECKS) assert.ok(t(lang, `verdict.requirements.check.${check}`).length > 0);
      for (const status of ['met', 'not-met', 'unknown', 'not-checkable', 'applies', 'not-applicable'] as const) assert.ok(t(lang, `verdict.requirements.status.${status}`).length > 0);
    }
  });
});
