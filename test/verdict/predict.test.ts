/**
 * `predictDelivery` against a real DNS server on loopback (the seed setups of issue 13): the
 * library's answers for Prezent with and without its DKIM CNAMEs (seed 001), Coachview with its
 * own bounce domain vs the customer's (seed 000), p/sp/np, t=y, pct, strict vs relaxed, the
 * RFC 7489 reading, DNS timeouts and bad input.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { systemResolver } from '../../src/dns/system.ts';
import { parseProviderCatalogue, type ProviderCatalogue } from '../../src/record/providers.ts';
import { predictDelivery, VerdictInputError } from '../../src/verdict/predict.ts';
import type { VerdictInput } from '../../src/verdict/types.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';
import { COACHVIEW_IP, PREZENT_IP, seedZone } from './seed-zone.ts';

let dns: DnsServer;
let catalogue: ProviderCatalogue;

before(async () => {
  dns = await startDnsServer(seedZone());
  const parsed = parseProviderCatalogue(JSON.parse(await readFile(new URL('../../data/providers.json', import.meta.url), 'utf8')));
  assert.ok(parsed.ok);
  catalogue = parsed.catalogue;
});
after(async () => {
  await dns.stop();
});

function predict(input: VerdictInput) {
  return predictDelivery(input, { resolver: systemResolver({ servers: [dns.address], timeout: 400, tries: 1 }), catalogue });
}

const coachview = { ip: COACHVIEW_IP, helo: 'mail.coachview.net' };

describe('seed 000: Coachview', () => {
  it('with its own bounce domain: SPF passes for coachview.net, not aligned with klant.nl → DMARC fails, p=reject applies', async () => {
    const p = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'info@klant.nl' });
    assert.equal(p.spf.result, 'pass');
    assert.equal(p.spf.domain, 'bounce.coachview.net');
    assert.equal(p.spf.alignment.state, 'not-aligned');
    // RFC 9989: with no DMARC record anywhere up the tree, a domain is its own organisation.
    assert.equal(p.spf.alignment.organizationalDomain, 'bounce.coachview.net');
    assert.equal(p.dmarc.result, 'fail');
    assert.deepEqual(p.dmarc.policy, { tag: 'p', requested: 'reject', testing: false, effective: 'reject' });
    assert.equal(p.dmarc.disposition, 'reject');
    assert.deepEqual(p.fixes.map((f) => f.code), ['spf-align', 'dkim-add']);
  });

  it('the same bounce domain with an aligned DKIM key at klant.nl: DMARC depends on DKIM, and passes', async () => {
    const p = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'klant.nl', dkim: [{ domain: 'klant.nl', selector: 'cv1' }] });
    assert.equal(p.dkim[0]?.key, 'usable');
    assert.equal(p.dkim[0]?.bits, 2048);
    assert.equal(p.dkim[0]?.alignment.state, 'aligned');
    assert.equal(p.dmarc.result, 'pass');
    assert.deepEqual(p.dmarc.passedBy, ['dkim']);
    assert.deepEqual(p.fixes, []);
  });

  it('a selector Coachview signs with that klant.nl did not publish: permerror, and the fix names it', async () => {
    const p = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'klant.nl', dkim: [{ domain: 'klant.nl', selector: 'cv2' }] });
    assert.equal(p.dkim[0]?.key, 'missing');
    assert.equal(p.dmarc.result, 'fail');
    const fix = p.fixes.find((f) => f.code === 'dkim-publish');
    assert.ok(fix && fix.code === 'dkim-publish');
    assert.equal(fix.name, 'cv2._domainkey.klant.nl');
  });

  it('the customer’s domain as MAIL FROM: SPF passes for klant.nl and aligns → DMARC passes', async () => {
    const p = await predict({ ...coachview, mailFrom: 'info@klant.nl', fromDomain: 'klant.nl' });
    assert.equal(p.spf.result, 'pass');
    assert.equal(p.spf.alignment.state, 'aligned');
    assert.equal(p.dmarc.result, 'pass');
    assert.deepEqual(p.dmarc.passedBy, ['spf']);
  });

  it('the customer’s domain without the include: SPF fails, the fix is the record with the provider’s include', async () => {
    const p = await predict({ ...coachview, mailFrom: 'info@zonder.nl', fromDomain: 'zonder.nl', provider: 'coachview' });
    assert.equal(p.spf.result, 'fail');
    assert.equal(p.dmarc.result, 'fail');
    assert.equal(p.dmarc.disposition, 'quarantine');
    const fix = p.fixes.find((f) => f.code === 'spf-authorise');
    assert.ok(fix && fix.code === 'spf-authorise');
    assert.equal(fix.mechanism, 'include:spf.coachview.net');
    assert.deepEqual(fix.records.map((r) => [r.name, r.type, r.action]), [['zonder.nl', 'TXT', 'replace']]);
    assert.match(fix.records[0]?.value ?? '', /^v=spf1 mx include:spf\.coachview\.net -all$/);
  });
});

describe('seed 001: Prezent / dmrmail', () => {
  const prezent = { ip: PREZENT_IP, helo: 'out.dmrmail.nl', provider: 'dmrmail' };

  it('with the DKIM CNAMEs: both selectors followed to a usable key at prezent.nl, aligned, DMARC passes by SPF and DKIM', async () => {
    const p = await predict({ ...prezent, mailFrom: 'info@prezentklant.nl', fromDomain: 'prezentklant.nl' });
    assert.deepEqual(p.dkim.map((d) => [d.selector, d.cname, d.key, d.from, d.alignment.state]), [
      ['prezent-a', '_dkim-a.prezent.nl', 'usable', 'provider', 'aligned'],
      ['prezent-b', '_dkim-b.prezent.nl', 'usable', 'provider', 'aligned'],
    ]);
    assert.equal(p.dmarc.result, 'pass');
    assert.deepEqual(p.dmarc.passedBy, ['spf', 'dkim']);
    assert.deepEqual(p.fixes, []);
  });

  it('without the CNAMEs: passes by SPF alone, and the fix is the two CNAMEs of the catalogue', async () => {
    const p = await predict({ ...prezent, mailFrom: 'info@zondercname.nl', fromDomain: 'zondercname.nl' });
    assert.deepEqual(p.dkim.map((d) => d.key), ['missing', 'missing']);
    assert.equal(p.dmarc.result, 'pass');
    assert.deepEqual(p.dmarc.passedBy, ['spf']);
    assert.deepEqual(
      p.fixes.flatMap((f) => f.records),
      [
        { name: 'prezent-a._domainkey.zondercname.nl', type: 'CNAME', value: '_dkim-a.prezent.nl', action: 'add' },
        { name: 'prezent-b._domainkey.zondercname.nl', type: 'CNAME', value: '_dkim-b.prezent.nl', action: 'add' },
      ],
    );
  });

  it('without the CNAMEs and forwarded (another IP): DMARC fails with p=quarantine', async () => {
    const p = await predict({ ...prezent, ip: '198.51.100.7', mailFrom: 'info@zondercname.nl', fromDomain: 'zondercname.nl' });
    assert.equal(p.spf.result, 'fail');
    assert.equal(p.dmarc.result, 'fail');
    assert.equal(p.dmarc.disposition, 'quarantine');
    assert.ok(p.fixes.some((f) => f.code === 'dkim-publish'));
  });

  it('a CNAME to a name without a key: missing, with the CNAME shown', async () => {
    const p = await predict({ ...prezent, mailFrom: 'info@kapot.nl', fromDomain: 'kapot.nl' });
    assert.deepEqual([p.dkim[0]?.cname, p.dkim[0]?.key, p.dkim[0]?.result], ['_dkim-x.prezent.nl', 'missing', 'permerror']);
    assert.equal(p.dmarc.result, 'fail');
    assert.equal(p.dmarc.disposition, 'reject');
  });
});

describe('DMARC policy: none, sp, np, t, pct, strict vs relaxed', () => {
  it('no DMARC record: result none, and the fix is a record to publish', async () => {
    const p = await predict({ ...coachview, mailFrom: 'info@geendmarc.nl', fromDomain: 'geendmarc.nl' });
    assert.equal(p.dmarc.result, 'none');
    assert.equal(p.dmarc.disposition, 'deliver');
    const fix = p.fixes.find((f) => f.code === 'dmarc-publish');
    assert.deepEqual(fix?.records[0]?.name, '_dmarc.geendmarc.nl');
  });

  it('an existing subdomain gets sp, a nonexistent one np', async () => {
    const existing = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'nieuws.sub.nl' });
    assert.deepEqual([existing.from.exists, existing.dmarc.policy?.tag, existing.dmarc.policy?.requested, existing.dmarc.disposition], [true, 'sp', 'none', 'deliver']);
    const missing = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'weg.sub.nl' });
    assert.deepEqual([missing.from.exists, missing.dmarc.policy?.tag, missing.dmarc.policy?.requested, missing.dmarc.disposition], [false, 'np', 'quarantine', 'quarantine']);
    // RFC 7489 has no np: it applies sp.
    assert.deepEqual(missing.rfc7489?.differences, ['np']);
    assert.deepEqual(missing.rfc7489?.policy, { tag: 'sp', requested: 'none', percent: 100 });
  });

  it('aspf=s: a bounce subdomain of From does not align; relaxed (default) does', async () => {
    const strict = await predict({ ...coachview, mailFrom: 'b@bounce.strikt.nl', fromDomain: 'strikt.nl' });
    assert.deepEqual([strict.spf.result, strict.spf.alignment.mode, strict.spf.alignment.state, strict.dmarc.result], ['pass', 's', 'not-aligned', 'fail']);
    const relaxed = await predict({ ...coachview, mailFrom: 'b@bounce.relaxed.nl', fromDomain: 'relaxed.nl' });
    assert.deepEqual([relaxed.spf.alignment.mode, relaxed.spf.alignment.state, relaxed.spf.alignment.basis, relaxed.dmarc.result], ['r', 'aligned', 'same-organization', 'pass']);
  });

  it('t=y: p=reject is applied as quarantine; RFC 7489 knows no t', async () => {
    const p = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'testing.nl' });
    assert.deepEqual(p.dmarc.policy, { tag: 'p', requested: 'reject', testing: true, effective: 'quarantine' });
    assert.deepEqual(p.rfc7489?.differences, ['t']);
  });

  it('pct=25: RFC 9989 ignores it (with a note), RFC 7489 samples', async () => {
    const p = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'pct.nl' });
    assert.equal(p.dmarc.disposition, 'reject');
    assert.deepEqual(p.dmarc.notes, [{ code: 'removed-tags', tags: ['pct'] }]);
    assert.deepEqual(p.rfc7489?.differences, ['pct']);
    assert.equal(p.rfc7489?.policy?.percent, 25);
  });

  it('psd=n: the tree walk’s organisation is afdeling.groot.nl, the PSL’s groot.nl — the results differ', async () => {
    const p = await predict({ ...coachview, mailFrom: 'info@groot.nl', fromDomain: 'afdeling.groot.nl' });
    assert.equal(p.from.organizationalDomain, 'afdeling.groot.nl');
    assert.equal(p.spf.alignment.state, 'not-aligned');
    assert.equal(p.dmarc.result, 'fail');
    assert.equal(p.rfc7489?.organizationalDomain, 'groot.nl');
    assert.equal(p.rfc7489?.result, 'pass');
    assert.ok(p.rfc7489?.differences.includes('organizational-domain'));
  });
});

describe('DNS failures and bad input', () => {
  it('DMARC discovery times out: temperror, never "no record"', async () => {
    const p = await predict({ ...coachview, mailFrom: 'bounce@bounce.coachview.net', fromDomain: 'traag.nl' });
    assert.equal(p.dmarc.result, 'temperror');
    assert.equal(p.dmarc.disposition, 'unknown');
    assert.deepEqual(p.fixes.map((f) => f.code), ['dns-retry', 'dkim-add']);
    const retry = p.fixes[0];
    assert.ok(retry?.code === 'dns-retry');
    assert.deepEqual(retry.names, ['_dmarc.traag.nl']);
  });

  it('SPF for an aligned domain times out and nothing else passes: SPF and DMARC temperror', async () => {
    const p = await predict({ ...coachview, mailFrom: 'info@spftraag.nl', fromDomain: 'spftraag.nl' });
    assert.equal(p.spf.result, 'temperror');
    assert.equal(p.dmarc.result, 'temperror');
    assert.ok(p.fixes.some((f) => f.code === 'dns-retry'));
  });

  it('bad IP and bad domains: one issue per field, no DNS query', async () => {
    const before = dns.queries.length;
    await assert.rejects(predict({ ip: '300.1.2.3', helo: 'x.nl', mailFrom: 'a@b..nl', fromDomain: 'klant..nl', dkim: [{ domain: 'klant.nl', selector: 'bad_sel' }], provider: 'nope' }), (error: unknown) => {
      assert.ok(error instanceof VerdictInputError);
      assert.deepEqual(error.issues.map((i) => [i.field, i.code]), [
        ['ip', 'bad-ip'],
        ['mailFrom', 'bad-domain'],
        ['fromDomain', 'bad-domain'],
        ['dkim', 'bad-selector'],
        ['provider', 'unknown-provider'],
      ]);
      return true;
    });
    assert.equal(dns.queries.length, before);
  });
});
